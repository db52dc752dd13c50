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
. bench/paging-setup.sh deployhq "$@"

exec "$PY" bench/deployhq_run.py --rove "$PWD/.build/release/rove" --sim "$PWD/.build/release/rove-sim" \
  --python "$PY" --runs "$RUNS" --command "$command"
