// The text of `rove --help` (its options from `Option.table`) and `rove --version`.

enum Help {
    /// Bumped by hand at each release.
    static let version = "0.1.0"

    static let usage = """
        rove — a scripting shell for deployment APIs

        Usage:
          rove [options]                      the REPL on a terminal, else a program from stdin
          rove [options] FILE [ARGS...]       run a script; ARGS become `args`
          rove [options] -e SOURCE [ARGS...]  run SOURCE and print its last value
          rove [options] - [ARGS...]          run a program read from stdin
          rove test [options] [PATH...]       run the tests (fn test_...) of *_test.rove files

        Options:
        \(Option.table.map(\.helpLines).joined())
        Everything after FILE, -e SOURCE or - is passed to the script untouched. The --allow-*
        options may be repeated.

        Connections come from OCTOPUS_URL, OCTOPUS_API_KEY, OCTOPUS_SPACE, DEPLOYHQ_ACCOUNT,
        DEPLOYHQ_EMAIL, DEPLOYHQ_API_KEY and the profiles in ~/.config/rove/config.toml or
        ./rove.toml; see docs/cli.md.

        Exit status: 0 ok, 1 script error, 2 usage, 3 syntax error, 4 HTTP 4xx or a
        refused redirect, 5 HTTP 5xx or network, 6 HTTP 401/403, 7 a limit reached, 8 denied
        (credentials to another origin, a write under --read-only, or what the sandbox keeps
        closed), 10 a dry run would change something, 130 interrupted.

        """
}
