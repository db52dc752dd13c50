#!/usr/bin/env bash
# The Octopus paging benchmark: rove's octopus.Tasks against python requests, on rove-sim.
#
#   bench/octopus.sh                 build rove and rove-sim (release), run everything, print the section
#   bench/octopus.sh --no-build      use the rove and rove-sim already in .build/release
#   RUNS=7 MEM_RUNS=3 bench/octopus.sh
#
# With `rove-sim --tasks 3000 --latency-ms 50`: `rove -e 'len(octopus.Tasks.all)'` against a python
# requests loop following Page.Next and one Page.All GET, round-robin, best of RUNS; the first item
# of a `for` loop (bench/octopus_first.rove). With `rove-sim --tasks 100000`: the peak RSS of a `for`
# loop over every task, under GNU time. Every run's count is checked (a wrong one fails, loudly);
# timings are reported, never asserted. The work is in bench/octopus_run.py; this prints its
# markdown table (the "Octopus paging" section of BENCHMARKS.md) on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
MEM_RUNS=${MEM_RUNS:-3}
. bench/paging-setup.sh octopus "$@"
[[ -x /usr/bin/time ]] || note "GNU time (/usr/bin/time) is missing: there will be no peak RSS"

exec "$PY" bench/octopus_run.py --rove "$PWD/.build/release/rove" --sim "$PWD/.build/release/rove-sim" \
  --python "$PY" --runs "$RUNS" --mem-runs "$MEM_RUNS" --command "$command"
