// libedit's readline-compatible API, the only C the REPL needs; <editline/readline.h> works on Debian and macOS.
#ifndef ROVE_CEDITLINE_SHIM_H
#define ROVE_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

#endif
