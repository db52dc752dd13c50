// The text of `rove --help` and `rove --version`.

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
          -e, --eval SOURCE      run SOURCE instead of a file
          -o, --output FORMAT    print results as table, json, ndjson, csv or text
                                 (default: table on a terminal, json otherwise)
          -i, --interactive      open the REPL, after running FILE or SOURCE if given
              --no-pager         write long REPL results out instead of through $PAGER
              --profile NAME     connect with the config file's profile NAME
                                 (default: $ROVE_PROFILE, else the file's `profile`)
              --demo             start the local simulator and connect to it
              --ci NAME          write outputs and error annotations for github, gitlab,
                                 azure, teamcity, octopus or none (default: detected)
              --trace            print each request, redirect and response to stderr, redacted
              --read-only        send only GET and HEAD requests; any write is refused
              --dry-run          send reads, plan writes instead of sending them; print the
                                 plan at the end (stderr; the last stdout line with -o json)
              --sandbox          no files, environment or new connections beyond what
                                 the --allow-* options open (imports from the script's
                                 own folder still work); any --allow-* implies it
              --allow-read PATH  let scripts read (and import) PATH and what is below it
              --allow-write PATH let scripts write PATH and what is below it
              --allow-env NAME   let scripts read the environment variable NAME
              --allow-net ORIGIN let scripts connect(...) to ORIGIN (https://host[:port])
              --max-requests N   send at most N HTTP requests (retries included)
              --max-time SECONDS stop a run when SECONDS have passed
              --max-steps N      stop a run after N steps (loop iterations, calls, items)
              --max-memory MB    stop a run that adds MB megabytes (default: half the machine's)
              --max-response-size SIZE
                                 refuse response bodies larger than SIZE (default 256M)
              --record FILE      write every request and response to FILE, secrets masked
              --replay FILE      answer requests from FILE's recording; no network at all
              --audit FILE       append a JSON line per write and per run to FILE
              --update-recordings
                                 rove test: record each test file's requests beside it
          -h, --help             show this help
              --version          show the version

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
