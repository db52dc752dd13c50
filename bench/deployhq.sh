#!/usr/bin/env bash
# The DeployHQ paging benchmark: rove's deployments collection against python requests, on rove-sim.
#
#   bench/deployhq.sh                build rove and rove-sim (release), run everything, print the section
#   bench/deployhq.sh --no-build     use the rove and rove-sim already in .build/release
#   RUNS=7 bench/deployhq.sh
#
# With `rove-sim --deployhq-deployments 440 --latency-ms 50` (Web: 500 deployments, 50 pages at the
# default per_page of 10): `rove -e 'deployhq.projects.get("web").deployments.all.count'` and a `for`
# loop against a python requests loop over page=1..total_pages, at the default per_page and at
# per_page=100, round-robin, best of RUNS; the first item of a `for` loop (bench/deployhq_first.rove).
# Every run's count is checked (a wrong one fails, loudly); timings are reported, never asserted.
# The work is in bench/deployhq_run.py; this prints its markdown table (the "DeployHQ paging"
# section of BENCHMARKS.md) on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
note() { printf 'bench/deployhq: %s\n' "$*" >&2; }

build=1
command="scripts/bench deployhq"
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
exec "$PY" bench/deployhq_run.py --rove "$PWD/.build/release/rove" --sim "$PWD/.build/release/rove-sim" \
  --python "$PY" --runs "$RUNS" --command "$command"
