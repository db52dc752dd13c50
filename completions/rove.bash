# bash completion for rove                                               -*- shell-script -*-
#
# scripts/install puts this file in PREFIX/share/bash-completion/completions/rove, where the
# bash-completion package finds it; without that package, `source` it from ~/.bashrc.
# The options are those of `rove --help`: Tests/RoveCLITests/ShellCompletionTests.swift fails when
# the two differ, in either direction.

# The profile names of the user's config file and the project's rove.toml (the nearest one at or
# above the current folder), read from their `[profiles.NAME]` headers.
_rove_profiles() {
    local files=("${XDG_CONFIG_HOME:-$HOME/.config}/rove/config.toml") dir=$PWD
    while :; do
        if [[ -f $dir/rove.toml ]]; then files+=("$dir/rove.toml"); break; fi
        [[ -z $dir || $dir == / ]] && break
        dir=${dir%/*}
    done
    sed -nE 's/^[[:space:]]*\[[[:space:]]*profiles\."?([A-Za-z0-9_-]+)"?[[:space:]]*\].*/\1/p' \
        "${files[@]}" 2>/dev/null | sort -u
}

_rove() {
    # Every option of `rove --help`; those in `valued` take a value. `rove test` takes them all
    # but -e and -i.
    local options='-e --eval -o --output -i --interactive --no-pager --profile --demo --ci
        --trace --read-only --dry-run --sandbox --allow-read --allow-write --allow-env
        --allow-net --max-requests --max-time --max-steps --max-memory --max-response-size
        --record --replay --audit --update-recordings -h --help --version'
    local valued=' -e --eval -o --output --profile --ci --allow-read --allow-write --allow-env
        --allow-net --max-requests --max-time --max-steps --max-memory --max-response-size
        --record --replay --audit '
    valued=${valued//$'\n'/ }

    # Options end at the script (a file, -e SOURCE, - or --), and every word after it is the
    # script's; `test` as the first word that is not an option runs the tests named after it,
    # with options anywhere among them. With '=' among COMP_WORDBREAKS (bash's default),
    # `--output=json` arrives as three words, `--output` `=` `json`.
    local mode=options pending= word
    local -i i
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -n $pending ]]; then
            [[ $word == = ]] && continue
            [[ $pending == -e || $pending == --eval ]] && { mode=script; break; }
            pending=
            continue
        fi
        case $mode:$word in
            options:-|options:--|options:--eval=*|tests:--) mode=script; break ;;
            *:-*=*) ;;
            *:-*) [[ $valued == *" $word "* ]] && pending=$word ;;
            options:test) mode=tests ;;
            options:*) mode=script; break ;;
        esac
    done

    local cur=${COMP_WORDS[COMP_CWORD]} prefix=
    if [[ $mode == script ]]; then
        # The script's own arguments: whatever readline would complete.
        compopt -o default 2>/dev/null
        COMPREPLY=()
        return 0
    fi
    [[ $cur == = && -n $pending ]] && cur=
    if [[ -z $pending && $cur == --*=* ]]; then
        pending=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
    fi

    # The value of an option.
    if [[ -n $pending ]]; then
        local values=
        case $pending in
            -o|--output) values='table json ndjson csv text' ;;
            --ci) values='github gitlab azure teamcity octopus none' ;;
            --profile) values=$(_rove_profiles) ;;
            --allow-env) values=$(compgen -e) ;;
            --allow-read|--allow-write|--record|--replay|--audit)
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -P "$prefix" -f -- "$cur")
                return 0 ;;
        esac
        mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "$values" -- "$cur")
        return 0
    fi

    if [[ $cur == -* ]]; then
        local offered=
        for word in $options; do
            [[ $mode == tests && $word =~ ^(-e|--eval|-i|--interactive)$ ]] || offered+=" $word"
        done
        mapfile -t COMPREPLY < <(compgen -W "$offered" -- "$cur")
        return 0
    fi
    # A script, or `test`; after `test`, the test files and folders.
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    [[ $mode == options && test == "$cur"* && ! -e test ]] && COMPREPLY+=(test)
    return 0
}

complete -F _rove rove
