# What the provider paging benchmarks (bench/octopus.sh, bench/deployhq.sh) do before they run:
#
#   . bench/paging-setup.sh NAME "$@"
#
# from the repository's root, under `set -euo pipefail`. Defines note() (`bench/NAME: …` on standard
# error); reads the options (--no-build, --command TEXT: the command the section names, by default
# `scripts/bench NAME`) into $command; builds rove and rove-sim (release) unless --no-build, and
# checks they are there; sets $PY to a python3 with requests, installing it when missing; makes
# bench-out/.
name=$1
shift
note() { printf 'bench/%s: %s\n' "$name" "$*" >&2; }

build=1
command="scripts/bench $name"
while (($#)); do
  case $1 in
    --no-build) build=0 ;;
    --command) command=$2; shift ;;
    *) note "unknown option $1"; exit 2 ;;
  esac
  shift
done
if ((build)); then
  note "building rove and rove-sim (release)"
  swift build -c release --product rove >&2
  swift build -c release --product rove-sim >&2
fi
for bin in rove rove-sim; do
  [[ -x .build/release/$bin ]] || { note ".build/release/$bin is missing: build without --no-build"; exit 1; }
done

# Debian's python3, not a version-manager shim (slow to start, and it would flatter rove); see
# the Notes of BENCHMARKS.md. Its requests is Debian's python3-requests.
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(python3 -c 'import sys; print(sys.executable)')
"$PY" -c 'import requests' 2>/dev/null || {
  note "installing requests for $PY"
  if [[ $PY == /usr/bin/python3 && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    apt-get install -y -qq python3-requests >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq python3-requests >/dev/null 2>&1; } || true
  else
    "$PY" -m pip install -q requests >&2 || true
  fi
  "$PY" -c 'import requests' 2>/dev/null || { note "no requests for $PY: cannot run the python peers"; exit 1; }
}
mkdir -p bench-out
