// The `rove` command's behaviour as one table: arguments and stdin in, stdout, stderr and exit status out.

import RoveCLI
import RoveCore
import RoveTestSupport
import XCTest

/// One run of the CLI and what it must produce.
private struct Case {
    let name: String
    let arguments: [String]
    var input = ""
    var terminal: Terminal = .none
    var environment: [String: String] = [:]
    /// Standard output, exactly; nil skips the check.
    var output: String? = ""
    /// Text standard output must contain.
    var outputContains: String?
    /// Text standard error must contain; nil means standard error must be empty.
    var error: String?
    /// Text standard error must not contain.
    var errorLacks: String?
    var status: Int32 = 0
}

/// Files the cases refer to as `$DIR/name`.
private let scripts: [String: String] = [
    "hello.rove": """
        #!/usr/bin/env rove
        print("hello \\(args[0])")
        1 + 1
        """,
    "args.rove": "print(args)\n",
    "broken.rove": "let a = 1\nlet b = (a +\n",
    "three_errors.rove": "let a = 1 @ 2\nprint(\"fine\")\nlet b = )\nif a { print(a }\nprint(\"never\")\n",
    "fails.rove": "fn check(x) {\n  if x > 1 { throw \"too big: \\(x)\" }\n}\ncheck(5)\n",
    "library.rove": "fn double(x) { return x * 2 }\n",
    "cut.json": "{\"format\":\"rove-cassette\",\"version\":1,\"exchanges\":[{\"method\":\"GET\",\"url\":\"http://127.0.0.1:9/api\",\"sta",
    "octopus.json": "{\"format\":\"rove-cassette\",\"version\":1,\"connections\":{\"octopus\":{\"url\":\"http://127.0.0.1:9\"}},\"exchanges\":[]}\n",
    "empty.json": "{\"format\":\"rove-cassette\",\"version\":1,\"connections\":{},\"exchanges\":[]}\n",
]

private let terminal = Terminal(input: false, output: true, error: true, width: 80)

/// Credentials as the environment gives them; no URL, so nothing connects.
private let credentials = [
    "OCTOPUS_API_KEY": "API-CLEARTEXT", "OCTOPUS_ACCESS_TOKEN": "TOKEN-CLEARTEXT",
    "DEPLOYHQ_API_KEY": "DHQ-CLEARTEXT", "OCTOPUS_SPACE": "Ops",
]

private let cases: [Case] = [
    // -e: runs the source and prints its last value (JSON when stdout is not a terminal).
    Case(name: "-e prints the value", arguments: ["-e", "1 + 2"], output: "3\n"),
    Case(name: "-e prints nothing for nil", arguments: ["-e", "nil"], output: ""),
    Case(name: "-e prints nothing for a statement", arguments: ["-e", "let x = 1"], output: ""),
    Case(name: "-e print writes text", arguments: ["-e", "print(\"hi\", 2)"], output: "hi 2\n"),
    Case(name: "--max-time stops an endless loop with a limit, exit 7",
         arguments: ["--max-time", "0.2", "-e", "var n = 0\nwhile true { n += 1 }"], output: "",
         error: "error: time limit of 0.2 s reached", status: 7),
    Case(name: "--max-time is not swallowed by catch",
         arguments: ["--max-time=0.2", "-e", "while true { try { sleep(1) } catch e { print(\"caught\") } }"], output: "",
         error: "time limit of 0.2 s reached", status: 7),
    Case(name: "--max-time ends a sleep at the deadline",
         arguments: ["--max-time", "0.2", "-e", "sleep(30)"], output: "",
         error: "error: time limit of 0.2 s reached", status: 7),
    Case(name: "--max-steps stops an endless loop at exactly N steps, exit 7",
         arguments: ["--max-steps", "100", "-e", "var n = 0\nwhile true { n += 1 }"], output: "",
         error: "<-e>:2:1: error: step limit of 100 reached", status: 7),
    Case(name: "--max-steps counts calls and is not swallowed by catch",
         arguments: ["--max-steps=50", "-e", "fn f(n) { return f(n + 1) }\nwhile true { try { f(0) } catch e { print(\"caught\") } }"],
         output: "", error: "step limit of 50 reached", status: 7),
    Case(name: "--max-steps counts items a builtin walks",
         arguments: ["--max-steps", "1000", "-e", "(0..<1000000).map { $0 }.count"], output: "",
         error: "step limit of 1000 reached", status: 7),
    Case(name: "--max-steps leaves a program within it alone",
         arguments: ["--max-steps", "1000", "-e", "var n = 0\nfor i in 0..<100 { n += i }\nprint(n)"], output: "4950\n"),
    Case(name: "--max-memory stops a doubling string before it is made, exit 7",
         arguments: ["--max-memory", "64", "-e", "var s = \"x\"\nwhile true { s = s + s }"], output: "",
         error: "error: memory limit of 64 MB reached", status: 7),
    Case(name: "--max-memory stops a list that grows without end",
         arguments: ["--max-memory", "32", "-e", "var xs = []\nwhile true { xs.append(\"item\") }"], output: "",
         error: "memory limit of 32 MB reached", status: 7),
    Case(name: "--max-memory is not swallowed by catch",
         arguments: ["--max-memory", "64", "-e", "var s = \"x\"\nwhile true { try { s = s + s } catch e { print(\"caught\") } }"],
         output: "", error: "memory limit of 64 MB reached", status: 7),
    Case(name: "--max-memory stops a string repeated into many copies by join",
         arguments: ["--max-memory", "64", "-e", "let s = \"x\".repeat(1000000)\nlet xs = (0..<1000).map { s }\nxs.join(\",\").count"],
         output: "", error: "memory limit of 64 MB reached", status: 7),
    Case(name: "a list nested past the nesting limit stops where it is built, exit 7",
         arguments: ["-e", "var x = []\nwhile true { x = [x] }"], output: "",
         error: "<-e>:2:18: error: nesting limit of 1000 levels reached", status: 7),
    Case(name: "the nesting limit is not swallowed by catch",
         arguments: ["-e", "var o = {}\nwhile true { try { o = {next: o} } catch e { print(\"caught\") } }"],
         output: "", error: "nesting limit of 1000 levels reached", status: 7),
    Case(name: "--max-time leaves a quick program alone",
         arguments: ["--max-time", "30", "-e", "print(1 + 1)"], output: "2\n"),
    Case(name: "eprint writes to stderr and leaves the JSON on stdout clean",
         arguments: ["-o", "json", "-e", "eprint(\"working on\", 2, \"items\"); [1, 2]"],
         output: "[\n  1,\n  2\n]\n", error: "working on 2 items\n"),
    Case(name: "a misspelt name suggests the nearest", arguments: ["-e", "pirnt(1)"], output: "",
         error: "error: undefined name 'pirnt'; did you mean 'print'?", status: 1),
    Case(name: "-e string is JSON off a terminal", arguments: ["-e", "\"hi\""], output: "\"hi\"\n"),
    Case(name: "-e passes what follows to args", arguments: ["-e", "args", "a", "--output", "-e", "--"],
         output: "[\n  \"a\",\n  \"--output\",\n  \"-e\",\n  \"--\"\n]\n"),
    Case(name: "--eval=SOURCE form", arguments: ["--eval=2 * 21"], output: "42\n"),

    // Programs from standard input.
    Case(name: "stdin program", arguments: [], input: "print(\"a\")\n1 + 1\n", output: "a\n2\n"),
    Case(name: "stdin program with - and args", arguments: ["-", "x", "-y"], input: "args",
         output: "[\n  \"x\",\n  \"-y\"\n]\n"),
    Case(name: "stdin program syntax error", arguments: [], input: "let = 3\n",
         output: "", error: "<stdin>:1:", status: 3),

    // Script files: the last value is not printed unless --output asks for it.
    Case(name: "shebang script with args", arguments: ["$DIR/hello.rove", "world"], output: "hello world\n"),
    Case(name: "script prints its last value with --output", arguments: ["-o", "text", "$DIR/hello.rove", "x"],
         output: "hello x\n2\n"),
    Case(name: "script arguments that look like flags pass through",
         arguments: ["$DIR/args.rove", "--help", "-e", "x", "--output=csv"],
         output: "[\"--help\", \"-e\", \"x\", \"--output=csv\"]\n"),
    Case(name: "-- ends the options", arguments: ["--", "$DIR/args.rove", "-i"], output: "[\"-i\"]\n"),
    Case(name: "missing script names the path", arguments: ["$DIR/missing.rove"],
         output: "", error: "rove: cannot read '$DIR/missing.rove': No such file or directory", status: 2),
    Case(name: "a folder is not a script", arguments: ["$DIR"], output: "", error: "cannot read '$DIR'", status: 2),

    // Errors: rendered with the source line and a caret, and the matching exit status.
    Case(name: "syntax error exits 3 with a caret at the unclosed bracket", arguments: ["-e", "print(1"], output: "",
         error: "<-e>:1:6: error: '(' was never closed\n 1 | print(1\n   |      ^\n"
              + "<-e>:1:8: note: expected ',' or ')' after argument\n 1 | print(1\n   |        ^\n",
         status: 3),
    Case(name: "syntax error in a file names it", arguments: ["$DIR/broken.rove"], output: "",
         error: "broken.rove:2:9: error: '(' was never closed", status: 3),
    Case(name: "every syntax error of a file in one run, nothing run, exit 3 once",
         arguments: ["$DIR/three_errors.rove"], output: "",
         error: "three_errors.rove:1:11: error: unexpected character '@'\n 1 | let a = 1 @ 2\n   |           ^\n"
              + "$DIR/three_errors.rove:3:9: error: expected an expression, found ')'\n 3 | let b = )\n   |         ^\n"
              + "$DIR/three_errors.rove:4:13: error: '(' was never closed\n 4 | if a { print(a }\n   |             ^\n"
              + "$DIR/three_errors.rove:4:16: note: expected ',' or ')' after argument\n 4 | if a { print(a }\n   |                ^\n"
              + "3 errors\n",
         status: 3),
    Case(name: "runtime error exits 1 with a trace",
         arguments: ["-e", "fn boom() { throw \"bad\" }\nfn outer() { boom() }\nouter()"], output: "",
         error: "<-e>:1:13: error: bad\n 1 | fn boom() { throw \"bad\" }\n   |             ^\n  at boom (<-e>:1)\n  at outer (<-e>:2)\n",
         status: 1),
    Case(name: "runtime error in a file", arguments: ["$DIR/fails.rove"], output: "",
         error: "fails.rove:2:14: error: too big: 5", status: 1),
    Case(name: "undefined name", arguments: ["-e", "nope"], output: "", error: "undefined name 'nope'", status: 1),
    Case(name: "runaway recursion is a stack error, not a crash",
         arguments: ["-e", "fn f(n) { return f(n + 1) }\nf(0)"], output: "", error: "stack overflow", status: 1),
    Case(name: "output printed before an error is kept", arguments: ["-e", "print(1)\nnope"],
         output: "1\n", error: "undefined name", status: 1),
    Case(name: "interrupted exits 130", arguments: ["-e", "interruptNow()\nwhile true {}"], output: "",
         error: "interrupted", status: 130),
    Case(name: "HTTP 404 exits 4", arguments: ["-e", "failHTTP(404)"], output: "", error: "HTTP 404", status: 4),
    Case(name: "HTTP 401 exits 6", arguments: ["-e", "failHTTP(401)"], output: "", error: "HTTP 401", status: 6),
    Case(name: "HTTP 403 exits 6", arguments: ["-e", "failHTTP(403)"], output: "", error: "HTTP 403", status: 6),
    Case(name: "HTTP 503 exits 5", arguments: ["-e", "failHTTP(503)"], output: "", error: "HTTP 503", status: 5),
    Case(name: "network failure exits 5", arguments: ["-e", "failNetwork()"], output: "",
         error: "connection refused", status: 5),
    Case(name: "a caught HTTP error does not end the script",
         arguments: ["-e", "try { failHTTP(500) } catch e { print(e.status) }"], output: "500\n"),

    // Colour: only on a terminal, never with NO_COLOR.
    Case(name: "diagnostics coloured on a terminal", arguments: ["-e", "nope"], terminal: terminal,
         output: "", error: "\u{1B}[1;31merror:", status: 1),
    Case(name: "NO_COLOR turns colour off", arguments: ["-e", "nope"], terminal: terminal,
         environment: ["NO_COLOR": "1"], output: "", error: "error: undefined", errorLacks: "\u{1B}[", status: 1),

    // Usage errors exit 2 and say what was wrong.
    Case(name: "unknown option", arguments: ["--frobnicate"], output: "",
         error: "rove: unknown option '--frobnicate'\nTry 'rove --help'", status: 2),
    Case(name: "-e needs a value", arguments: ["-e"], output: "", error: "option '-e' needs a value", status: 2),
    // --record and --replay: a cassette is checked before anything runs.
    Case(name: "--record needs a file", arguments: ["--record"], output: "", error: "option '--record' needs a value", status: 2),
    Case(name: "--record and --replay exclude each other", arguments: ["--record", "a.json", "--replay=b.json", "-e", "1"],
         output: "", error: "options '--record' and '--replay' cannot be used together", status: 2),
    Case(name: "--replay of a missing file", arguments: ["--replay", "$DIR/none.json", "-e", "1"], output: "",
         error: "rove: cannot read '$DIR/none.json': No such file or directory", status: 2),
    Case(name: "--replay of a cut-short file names where it stops", arguments: ["--replay", "$DIR/cut.json", "-e", "1"],
         output: "", error: "rove: cannot replay '$DIR/cut.json': unexpected end in a string (the file is cut short) at byte 102", status: 2),
    Case(name: "--replay of a script that is not a recording", arguments: ["--replay", "$DIR/hello.rove", "-e", "1"],
         output: "", error: "rove: cannot replay '$DIR/hello.rove': unexpected character at byte 0", status: 2),
    Case(name: "--replay needs no configuration, and runs what asks for no request",
         arguments: ["--replay", "$DIR/empty.json", "-e", "1 + 1"], output: "2\n"),
    Case(name: "--audit to a path that cannot be written fails before running",
         arguments: ["--audit", "$DIR/no/such/journal.jsonl", "-e", "print(1)"], output: "",
         error: "rove: cannot write '$DIR/no/such/journal.jsonl': No such file or directory", status: 2),
    Case(name: "--replay fails a run that caught the error of a request the recording lacks",
         arguments: ["--replay", "$DIR/octopus.json", "-e", "try { octopus.Projects.count } catch e { print(\"caught\") }"],
         output: "caught\n",
         error: "rove: the replay met 1 request not in the recording; the first: GET http://127.0.0.1:9/api: not in the recording; the recording holds no requests",
         status: 1),
    Case(name: "--record to a folder that does not exist fails before running",
         arguments: ["--record", "$DIR/no/such/run.json", "-e", "print(1)"], output: "",
         error: "rove: cannot write '$DIR/no/such/run.json': No such file or directory", status: 2),
    Case(name: "unknown output format", arguments: ["-o", "xml", "-e", "1"], output: "",
         error: "unknown output format 'xml' (expected one of table, json, ndjson, csv, text)", status: 2),
    Case(name: "flag given a value", arguments: ["--help=yes"], output: "", error: "option '--help' takes no value",
         status: 2),
    Case(name: "--help", arguments: ["--help"], output: nil, outputContains: "Usage:\n  rove [options]"),
    Case(name: "--version", arguments: ["--version"], output: "rove 0.1.0\n"),

    // Output formats.
    Case(name: "json is pretty", arguments: ["-o", "json", "-e", "{Name: \"Web\", Tags: [1]}"],
         output: "{\n  \"Name\": \"Web\",\n  \"Tags\": [\n    1\n  ]\n}\n"),
    Case(name: "ndjson writes a line per item", arguments: ["-o", "ndjson", "-e", "[{a: 1}, 2, \"x\"]"],
         output: "{\"a\":1}\n2\n\"x\"\n"),
    Case(name: "ndjson of a single value", arguments: ["--output", "ndjson", "-e", "{a: [1, 2]}"],
         output: "{\"a\":[1,2]}\n"),
    Case(name: "csv header is the union of keys, quoted per RFC 4180",
         arguments: ["-o", "csv", "-e", "[{a: \"x,y\", b: \"say \\\"hi\\\"\"}, {c: \"l1\\nl2\", a: nil, d: [1, 2]}]"],
         output: "a,b,c,d\r\n\"x,y\",\"say \"\"hi\"\"\",,\r\n,,\"l1\nl2\",\"[1,2]\"\r\n"),
    Case(name: "csv of a record", arguments: ["-o", "csv", "-e", "{Id: 1, Name: \"Web\"}"], output: "Id,Name\r\n1,Web\r\n"),
    Case(name: "csv of scalars", arguments: ["-o", "csv", "-e", "[1, \"a b\", true]"], output: "1\r\na b\r\ntrue\r\n"),
    Case(name: "text is what print shows", arguments: ["-o", "text", "-e", "[\"a\", {b: nil}]"],
         output: "[\"a\", {b: nil}]\n"),
    Case(name: "table of records", arguments: ["-o", "table", "-e", "[{Id: \"a\", N: 3}, {Id: \"bb\", N: 12, X: true}]"],
         output: "Id   N  X\na    3  \nbb  12  true\n"),
    Case(name: "table is the default on a terminal", arguments: ["-e", "[{Id: \"a\"}, {Id: \"b\"}]"],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "Id\na\nb\n"),
    Case(name: "table header is bold on a colour terminal", arguments: ["-e", "[{Id: \"a\"}]"],
         terminal: terminal, output: "\u{1B}[1mId\u{1B}[0m\na\n"),
    Case(name: "key/value block for a record", arguments: ["-o", "table", "-e", "{Id: \"Projects-1\", Name: \"Web\", Tags: [1, 2]}"],
         output: "Id    Projects-1\nName  Web\nTags  [1, 2]\n"),
    Case(name: "strings print bare on a terminal", arguments: ["-e", "\"hi\""],
         terminal: Terminal(input: false, output: true, error: false, width: 80), output: "hi\n"),
    Case(name: "wide cells are cut", arguments: ["-o", "table", "-e", "[{Text: \"\(String(repeating: "x", count: 60))\"}]"],
         output: "Text\n\(String(repeating: "x", count: 39))…\n"),
    Case(name: "columns past the terminal width are named, not wrapped",
         arguments: ["-e", "[{Id: \"Projects-1\", Name: \"Web\", Description: \"\(String(repeating: "d", count: 30))\"}]"],
         terminal: Terminal(input: false, output: true, error: false, width: 30),
         environment: ["NO_COLOR": "1"], output: "Id          Name\nProjects-1  Web\n(1 more column: Description)\n"),
    Case(name: "the hint names the command line's way to see everything when it fits",
         arguments: ["-e", "[{Id: \"Projects-1\", Name: \"Web\", A: \"\(String(repeating: "a", count: 12))\", B: \"\(String(repeating: "b", count: 12))\", C: \"\(String(repeating: "c", count: 12))\"}]"],
         terminal: Terminal(input: false, output: true, error: false, width: 45), environment: ["NO_COLOR": "1"],
         output: "Id          Name  A             B\nProjects-1  Web   aaaaaaaaaaaa  bbbbbbbbbbbb\n(1 more column: C; --output json shows all)\n"),
    Case(name: "a one-column width still shows a column and no broken hint",
         arguments: ["-e", "[{Name: \"Web\", Id: \"Projects-1\"}]"],
         terminal: Terminal(input: false, output: true, error: false, width: 1), environment: ["NO_COLOR": "1"],
         output: "…\n…\n"),
    Case(name: "a width of 6 keeps the first column, cut, and the short hint",
         arguments: ["-e", "[{Name: \"Web\", Id: \"Projects-1\"}]"],
         terminal: Terminal(input: false, output: true, error: false, width: 6), environment: ["NO_COLOR": "1"],
         output: "Name\nWeb\n(+1)\n"),

    // Colour at a terminal: one palette, off under NO_COLOR and off a terminal.
    Case(name: "values are coloured by kind at a colour terminal", arguments: ["-e", "[1, \"a\", nil, true, {k: 2.5}]"],
         terminal: terminal,
         output: "[\u{1B}[36m1\u{1B}[0m, \u{1B}[32m\"a\"\u{1B}[0m, \u{1B}[2mnil\u{1B}[0m, \u{1B}[36mtrue\u{1B}[0m, {\u{1B}[1mk\u{1B}[0m: \u{1B}[36m2.5\u{1B}[0m}]\n"),
    Case(name: "NO_COLOR turns the colours off", arguments: ["-e", "[1, \"a\", nil, true, {k: 2.5}]"],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "[1, \"a\", nil, true, {k: 2.5}]\n"),
    Case(name: "TERM=dumb turns the colours off", arguments: ["-e", "[1, nil]"],
         terminal: terminal, environment: ["TERM": "dumb"], output: "[1, nil]\n"),
    Case(name: "table numbers are coloured, text is not", arguments: ["-e", "[{Name: \"Web\", N: 12}]"],
         terminal: terminal, output: "\u{1B}[1mName\u{1B}[0m   \u{1B}[1mN\u{1B}[0m\nWeb   \u{1B}[36m12\u{1B}[0m\n"),
    Case(name: "a record's keys are styled", arguments: ["-e", "{Name: \"Web\", Count: 3}"],
         terminal: terminal, output: "\u{1B}[1mName\u{1B}[0m   Web\n\u{1B}[1mCount\u{1B}[0m  \u{1B}[36m3\u{1B}[0m\n"),
    Case(name: "errors are red and bold at a colour terminal", arguments: ["-e", "nope"], terminal: terminal,
         output: "", error: "\u{1B}[1m<-e>:1:1:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mundefined name 'nope'\u{1B}[0m", status: 1),

    Case(name: "warnings are magenta and bold, their text made inert", arguments: ["-e", "eprint(\"warning: walk \\u{1b}[2J stopped\")"],
         terminal: terminal, output: "", error: "\u{1B}[1;35mwarning:\u{1B}[0m walk ?[2J stopped\n"),
    Case(name: "NO_COLOR leaves warnings plain, still inert", arguments: ["-e", "eprint(\"warning: walk \\u{1b}[2J stopped\")"],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "", error: "warning: walk ?[2J stopped\n"),

    // Escape sequences from data never reach a terminal raw.
    Case(name: "a string result shows control characters as ?", arguments: ["-e", "\"a\\u{1b}[2Jb\\u{9b}31mc\\nd\""],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "a?[2Jb?31mc\nd\n"),
    Case(name: "a literal escapes them", arguments: ["-e", "[\"\\u{1b}]0;x\\u{7}\"]"],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "[\"\\u{1b}]0;x\\u{7}\"]\n"),
    Case(name: "table cells and headers replace them", arguments: ["-e", "[{\"k\\u{1b}[31m\": \"v\\u{1b}[2J\"}]"],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "k?[31m\nv?[2J\n"),
    Case(name: "an error message replaces them", arguments: ["-e", "throw \"bad \\u{1b}[2J name\""],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "", error: "error: bad ?[2J name", status: 1),
    Case(name: "print writes what the script asked for", arguments: ["-e", "print(\"\\u{1b}[1mbold\")"],
         terminal: terminal, environment: ["NO_COLOR": "1"], output: "\u{1B}[1mbold\n"),

    // The REPL's output switch takes --output's names.
    Case(name: ":output switches the session's format", arguments: ["-i"],
         input: "[{a: 1}]\n:output csv\n[{a: 1}]\n:output\n:output ndjson\n[{a: 1}, {a: 2}]\n:output text\n\"s\"\n",
         output: "[\n  {\n    \"a\": 1\n  }\n]\na\r\n1\r\n{\"a\":1}\n{\"a\":2}\ns\n",
         error: "results print as csv\nresults print as csv; ':output FORMAT' chooses one of table, json, ndjson, csv, text\nresults print as ndjson\nresults print as text\n"),
    Case(name: ":output refuses a name --output refuses", arguments: ["-i"], input: ":output xml\n1\n", output: "1\n",
         error: "error: unknown output format 'xml' (expected one of table, json, ndjson, csv, text)"),
    Case(name: ":output with two words is not a command", arguments: ["-i"], input: ":output json csv\n", output: "",
         error: "<repl>:1:1: error:"),
    Case(name: "the REPL's hint names :output", arguments: ["-i"],
         input: "[{Id: \"Projects-1\", Name: \"Web\", A: \"\(String(repeating: "a", count: 12))\", B: \"\(String(repeating: "b", count: 12))\", C: \"\(String(repeating: "c", count: 12))\"}]\n",
         terminal: Terminal(input: false, output: true, error: false, width: 45), environment: ["NO_COLOR": "1"],
         output: "Id          Name  A             B\nProjects-1  Web   aaaaaaaaaaaa  bbbbbbbbbbbb\n(1 more column: C; :output json shows all)\n"),
    Case(name: "--no-pager is an option", arguments: ["--no-pager", "-e", "1"], output: "1\n"),
    Case(name: "host objects show their data", arguments: ["-o", "table", "-e", "resource()"],
         output: "Id    Projects-1\nName  Web\n"),
    Case(name: "host objects in JSON", arguments: ["-o", "json", "-e", "[resource()]"],
         output: "[\n  {\n    \"Id\": \"Projects-1\",\n    \"Name\": \"Web\"\n  }\n]\n"),
    Case(name: "a value JSON cannot hold is an error", arguments: ["-o", "json", "-e", "print"], output: "",
         error: "error:", status: 1),

    // Credential variables read through env() are secrets: the key never reaches a stream.
    Case(name: "print of a credential variable shows the mask", arguments: ["-e", "print(env(\"OCTOPUS_API_KEY\"))"],
         environment: credentials, output: "•••\n"),
    Case(name: "the value of a credential variable shows the mask", arguments: ["-e", "env(\"DEPLOYHQ_API_KEY\")"],
         environment: credentials, output: "\"•••\"\n"),
    Case(name: "interpolating a token shows the mask", arguments: ["-e", "print(\"token \\(env(\"OCTOPUS_ACCESS_TOKEN\"))\")"],
         environment: credentials, output: "token •••\n"),
    Case(name: "an error about a credential variable does not show it",
         arguments: ["-e", "env(\"OCTOPUS_API_KEY\") + 1"], environment: credentials, output: "",
         error: "cannot apply '+' to secret and integer", errorLacks: "API-CLEARTEXT", status: 1),
    Case(name: "a thrown credential variable shows the mask",
         arguments: ["-e", "throw \"bad key \\(env(\"OCTOPUS_API_KEY\"))\""], environment: credentials, output: "",
         error: "bad key •••", errorLacks: "API-CLEARTEXT", status: 1),
    Case(name: "a variable holding a configured key is a secret too", arguments: ["-e", "print(env(\"COPY_OF_KEY\"))"],
         environment: credentials.merging(["COPY_OF_KEY": "API-CLEARTEXT"]) { $1 }, output: "•••\n"),
    Case(name: "secret() of a secret is the same secret",
         arguments: ["-e", "secret(env(\"OCTOPUS_API_KEY\")) == env(\"OCTOPUS_API_KEY\") && type(env(\"OCTOPUS_API_KEY\")) == \"secret\""],
         environment: credentials, output: "true\n"),
    Case(name: "an unset credential variable is nil", arguments: ["-e", "env(\"DEPLOYHQ_API_KEY\") ?? \"none\""],
         output: "\"none\"\n"),
    Case(name: "other variables stay plain text", arguments: ["-e", "env(\"OCTOPUS_SPACE\").lower()"],
         environment: credentials, output: "\"ops\"\n"),

    // -i: the REPL without a terminal reads plain lines and goes on after errors.
    Case(name: "-i reads entries, continues lines, survives errors",
         arguments: ["-i"], input: "let a = [1,\n2]\na\nnope\na.count\n",
         output: "[\n  1,\n  2\n]\n2\n", error: "<repl>:1:1: error: undefined name 'nope'"),
    Case(name: "-i echoes a credential variable as the mask", arguments: ["-i"],
         input: "env(\"OCTOPUS_API_KEY\")\nlet k = env(\"OCTOPUS_API_KEY\")\n[k]\n", environment: credentials,
         output: "\"•••\"\n[\n  \"•••\"\n]\n"),
    Case(name: "-i after a file keeps its definitions", arguments: ["-i", "$DIR/library.rove"],
         input: "double(21)\n", output: "42\n"),

    // --dry-run: reads go, writes are planned; 10 when the plan holds one, 0 when it is empty.
    Case(name: "--dry-run of a script that writes nothing exits 0 and says so", arguments: ["--dry-run", "-e", "1 + 2"],
         output: "3\n", error: "dry run: nothing would change\n", status: 0),
    Case(name: "--dry-run with -o json ends stdout with the plan as one line", arguments: ["--dry-run", "-o", "json", "-e", "print(1)"],
         output: "1\n{\"dryRun\":{\"writes\":0,\"plan\":[]}}\n", status: 0),
    Case(name: "--dry-run keeps a script error's exit status", arguments: ["--dry-run", "$DIR/fails.rove"],
         output: "", error: "dry run: nothing would change", status: 1),
    Case(name: "--dry-run in the REPL reports the plan when it ends", arguments: ["--dry-run", "-i"], input: "1 + 1\n",
         output: "2\n", error: "dry run: nothing would change\n", status: 0),
    Case(name: "--dry-run takes no value", arguments: ["--dry-run=yes", "-e", "1"], output: "",
         error: "option '--dry-run' takes no value", status: 2),
    Case(name: "--help lists --dry-run and exit status 10", arguments: ["--help"], output: nil,
         outputContains: "10 a dry run would change something"),
]

final class CLICaseTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        guard let made = makeTemporaryFolder(prefix: "rove-cli-tests") else { throw XCTSkip("no temporary folder") }
        folder = made
        for (name, text) in scripts {
            let descriptor = open(folder + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
            close(descriptor)
        }
    }

    override func tearDown() {
        for name in scripts.keys { unlink(folder + "/" + name) }
        rmdir(folder)
    }

    func testCases() {
        for testCase in cases {
            let expand = { (text: String) in text.replacingDirectory(with: self.folder) }
            let run = CLI.runInMemory(testCase.arguments.map(expand), input: testCase.input,
                                      environment: testCase.environment, terminal: testCase.terminal,
                                      prepare: { TestHost.install(in: $0) })
            let name = testCase.name
            XCTAssertEqual(run.status, testCase.status, "\(name): status; stderr: \(run.standardError)")
            if let output = testCase.output {
                XCTAssertEqual(run.standardOutput, expand(output), "\(name): stdout")
            }
            if let part = testCase.outputContains {
                XCTAssertTrue(run.standardOutput.contains(expand(part)), "\(name): stdout was \(run.standardOutput)")
            }
            if let part = testCase.error {
                XCTAssertTrue(run.standardError.contains(expand(part)), "\(name): stderr was \(run.standardError)")
            } else {
                XCTAssertEqual(run.standardError, "", "\(name): stderr")
            }
            for stream in [run.standardOutput, run.standardError] {
                XCTAssertFalse(stream.contains("CLEARTEXT"), "\(name): a credential was shown: \(stream)")
            }
            if let part = testCase.errorLacks {
                XCTAssertFalse(run.standardError.contains(part), "\(name): stderr was \(run.standardError)")
            }
        }
    }
}

extension String {
    fileprivate func replacingDirectory(with folder: String) -> String {
        split(separator: "$DIR", omittingEmptySubsequences: false).joined(separator: folder)
    }
}
