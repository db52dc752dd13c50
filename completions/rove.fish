# fish completion for rove. scripts/install puts this file in
# PREFIX/share/fish/vendor_completions.d/rove.fish, which fish searches for ~/.local and /usr/local.
# The options are those of `rove --help`: Tests/RoveCLITests/ShellCompletionTests.swift fails when
# the two differ, in either direction.

# Where the word being completed stands: `options` before the script, `tests` after `rove test`
# (options anywhere among its paths), `script` among the script's own arguments. Options end at
# the script (a file, -e SOURCE, - or --).
function __rove_mode
    set -l pending
    set -l mode options
    for word in (commandline -opc)[2..-1]
        if test -n "$pending"
            if contains -- $pending -e --eval
                echo script
                return
            end
            set pending
            continue
        end
        switch $mode:$word
            case options:- options:-- 'options:--eval=*' tests:--
                echo script
                return
            case '*:--*=*'
            case '*:-e' '*:--eval' '*:-o' '*:--output' '*:--profile' '*:--ci' '*:--allow-*' '*:--max-*' \
                '*:--record' '*:--replay' '*:--audit'
                set pending $word
            case '*:-*'
            case options:test
                set mode tests
            case 'options:*'
                echo script
                return
        end
    end
    echo $mode
end

# The profile names of the user's config file and the project's rove.toml (the nearest one at or
# above the current folder), read from their `[profiles.NAME]` headers.
function __rove_profiles
    set -l config ~/.config
    set -q XDG_CONFIG_HOME[1]; and set config $XDG_CONFIG_HOME
    set -l files $config/rove/config.toml
    set -l dir $PWD
    while true
        if test -f $dir/rove.toml
            set -a files $dir/rove.toml
            break
        end
        test $dir = /; and break
        set dir (dirname $dir)
    end
    sed -nE 's/^[[:space:]]*\[[[:space:]]*profiles\."?([A-Za-z0-9_-]+)"?[[:space:]]*\].*/\1/p' $files 2>/dev/null | sort -u
end

complete -c rove -e
# Before the script: a script file, `test`, or an option. The script's own arguments are files.
complete -c rove -n 'test (__rove_mode) = options' -F -a test -d 'run the tests of *_test.rove files'
complete -c rove -n 'test (__rove_mode) = tests' -F
complete -c rove -n 'test (__rove_mode) = script' -F

set -l before 'test (__rove_mode) = options'
set -l any 'test (__rove_mode) != script'
complete -c rove -n $before -s e -l eval -x -d 'run SOURCE instead of a file'
complete -c rove -n $any -s o -l output -x -a 'table json ndjson csv text' -d 'print results in FORMAT'
complete -c rove -n $before -s i -l interactive -d 'open the REPL, after running FILE or SOURCE if given'
complete -c rove -n $any -l no-pager -d 'write long REPL results out instead of through $PAGER'
complete -c rove -n $any -l profile -x -a '(__rove_profiles)' -d 'connect with the config file profile NAME'
complete -c rove -n $any -l demo -d 'start the local simulator and connect to it'
complete -c rove -n $any -l ci -x -a 'github gitlab azure teamcity octopus none' -d 'write outputs and error annotations for a CI system'
complete -c rove -n $any -l trace -d 'print each request, redirect and response to stderr, redacted'
complete -c rove -n $any -l read-only -d 'send only GET and HEAD requests'
complete -c rove -n $any -l dry-run -d 'send reads, plan writes instead of sending them'
complete -c rove -n $any -l sandbox -d 'no files, environment or new connections beyond what the allow options open'
complete -c rove -n $any -l allow-read -r -F -d 'let scripts read PATH and what is below it'
complete -c rove -n $any -l allow-write -r -F -d 'let scripts write PATH and what is below it'
complete -c rove -n $any -l allow-env -x -a '(set -n -x)' -d 'let scripts read the environment variable NAME'
complete -c rove -n $any -l allow-net -x -d 'let scripts connect to ORIGIN (https://host[:port])'
complete -c rove -n $any -l max-requests -x -d 'send at most N HTTP requests'
complete -c rove -n $any -l max-time -x -d 'stop a run when SECONDS have passed'
complete -c rove -n $any -l max-steps -x -d 'stop a run after N steps'
complete -c rove -n $any -l max-memory -x -d 'stop a run that adds MB megabytes (or a size such as 2G)'
complete -c rove -n $any -l max-response-size -x -d 'refuse response bodies larger than SIZE (such as 512M)'
complete -c rove -n $any -l record -r -F -d 'write every request and response to FILE, secrets masked'
complete -c rove -n $any -l replay -r -F -d 'answer requests from the recording FILE; no network'
complete -c rove -n $any -l audit -r -F -d 'append a JSON line per write and per run to FILE'
complete -c rove -n $any -l update-recordings -d 'rove test: record each test file\'s requests beside it'
complete -c rove -n $any -s h -l help -d 'show the help'
complete -c rove -n $any -l version -d 'show the version'
