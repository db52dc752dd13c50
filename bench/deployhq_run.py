#!/usr/bin/env python3
"""The DeployHQ paging benchmark: rove's deployments collection against python requests, on rove-sim.

Called by bench/deployhq.sh (which builds and installs what is missing); prints the markdown of the
"DeployHQ paging" section of BENCHMARKS.md on standard output, progress on standard error.

    python3 bench/deployhq_run.py --rove .build/release/rove --sim .build/release/rove-sim \
        --python /usr/bin/python3 [--runs 5] [--deployments 440] [--latency-ms 50] \
        [--command 'scripts/bench deployhq']

`rove-sim --deployhq-deployments 440 --latency-ms 50` gives Web 500 deployments, 50 pages at
DeployHQ's default per_page of 10. Each round runs every peer once, in turn, so noise from the
shared machine falls on all of them alike; the best of --runs rounds counts. Every run's count is
checked against the server's total_records and its requests are counted from the simulator's log
(/_sim/requests). Peers:
- rove `deployhq.projects.get("web").deployments.all.count` and a `for` loop counting them (process
  wall time), and bench/deployhq_all.rove (the first, timed inside the script with now());
- python requests looping page=1..total_pages at the default per_page (bench/deployhq_python.py page);
- python requests, the same loop with per_page=100 (bench/deployhq_python.py per100).
Then the first item of a `for` loop (bench/deployhq_first.rove), cold and warm.

Timings are reported, never asserted. A wrong count, a failed run or a simulator that does not
start is a failure: it is printed loudly and the exit status is 1 (the table is still printed,
with the failure in it).
"""
import base64
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paging  # noqa: E402  (the simulator, peers, runs and formats both paging benchmarks share)
import run  # noqa: E402  (versions, run_once and the formats of the other sections)
from paging import Peer, best, median, met, note, parse_fields, parse_plain, ratio  # noqa: E402

paging.use("deployhq")
PROJECT = 'deployhq.projects.get("web")'
ALL_EXPR = f"{PROJECT}.deployments.all.count"
LOOP_EXPR = f"var n = 0; for d in {PROJECT}.deployments {{ n += 1 }}; n"


class Simulator(paging.Simulator):
    """rove-sim on free ports, stopped with SIGTERM; .env holds the DEPLOYHQ_* of its ready line."""

    SERVICE = "deployhq"
    PORTS = ["--octopus-port", "0", "--deployhq-port", "0"]
    NOUN = "deployments"

    def headers(self, key):
        found = {"Accept": "application/json"}
        if key:
            token = f"{self.env['DEPLOYHQ_EMAIL']}:{self.env['DEPLOYHQ_API_KEY']}"
            found["Authorization"] = "Basic " + base64.b64encode(token.encode()).decode()
        return found

    def pagination(self):
        return self.request("GET", "/projects/web/deployments")["pagination"]


def main():
    parser = paging.arguments(__doc__.split("\n")[0], "deployhq")
    parser.add_argument("--deployments", type=int, default=440)
    options = parser.parse_args()
    rove, py = options.rove, options.python
    started, load_before = paging.now()
    latency = options.latency_ms / 1000

    sim = Simulator(options.sim, ["--deployhq-deployments", str(options.deployments),
                                  "--latency-ms", str(options.latency_ms)])
    # run_once passes the environment on to every peer: this simulator's DeployHQ, and no Octopus.
    env_before = dict(os.environ)
    for name in list(os.environ):
        if name.startswith(("OCTOPUS_", "DEPLOYHQ_")):
            del os.environ[name]
    os.environ.update(sim.env)
    peers = [
        Peer("rove", "rove `deployments.all.count`", [rove, "-e", ALL_EXPR], f"rove -e '{ALL_EXPR}'", parse_plain),
        Peer("rove_for", "rove `for d in deployments`", [rove, "-e", LOOP_EXPR], f"rove -e '{LOOP_EXPR}'",
             parse_plain),
        Peer("rove_in", "rove `deployments.all.count`, timed in the script", [rove, "bench/deployhq_all.rove"],
             "rove bench/deployhq_all.rove", parse_fields),
        Peer("page", "python requests, `page=` loop (default per_page 10)", [py, "bench/deployhq_python.py", "page"],
             "python3 bench/deployhq_python.py page", parse_fields),
        Peer("per100", "python requests, `page=` loop with `per_page=100`",
             [py, "bench/deployhq_python.py", "per100"], "python3 bench/deployhq_python.py per100", parse_fields),
    ]
    first_peers = [
        Peer("cold", "cold", [rove, "bench/deployhq_first.rove"], "rove bench/deployhq_first.rove", None),
        Peer("warm", "warm", [rove, "bench/deployhq_first.rove", "warm"], "rove bench/deployhq_first.rove warm",
             None),
    ]
    try:
        pagination = sim.pagination()
        expected, pages = pagination["total_records"], pagination["total_pages"]
        note(f"{sim.shown}: {expected} deployments of web, {pages} pages; {options.runs} rounds")
        paging.rounds(peers, sim, expected, options.runs)
        paging.first_items(first_peers, sim, options.runs, lambda uuid: len(uuid) == 36)
    finally:
        sim.stop()
        os.environ.clear()
        os.environ.update(env_before)
    load_after = os.getloadavg()

    by = {p.key: p for p in peers}
    r_best = best(by["rove"].walls)
    page_speedup = ratio(best(by["page"].walls), r_best)
    per100_speedup = ratio(best(by["per100"].walls), r_best)
    for_speedup = ratio(best(by["page"].walls), best(by["rove_for"].walls))
    page_speedup_in = ratio(best(by["page"].inner), best(by["rove_in"].inner))
    cold, warm = (best(p.inner) for p in first_peers)

    lines = []
    w = lines.append
    w("## DeployHQ paging")
    w("")
    w("Reading every deployment of a DeployHQ project: `deployhq.projects.get(\"web\").deployments`, "
      "whose walk reads the first page at `per_page=100`, plans the rest from `total_pages` and fetches "
      "them 8 at a time, against a python `requests` loop over `page=1…total_pages` at the default "
      "`per_page` of 10 (what scripts write today) and the same loop at `per_page=100` (a fair peer), "
      f"all against the same local `{sim.shown}`: Web has {expected:,} deployments, {pages} pages at "
      f"the default `per_page`, and every answer is delayed by {options.latency_ms} ms. Each round runs "
      f"every peer once, in turn; the best of {options.runs} rounds counts, wall clock with start-up "
      "included, and every run's count is checked against the server's `total_records`. \"In the "
      "process\" is the same work timed from inside the program (rove: `now()` in "
      "[`bench/deployhq_all.rove`](bench/deployhq_all.rove); python: `time.perf_counter()` after "
      "`import requests`, in [`bench/deployhq_python.py`](bench/deployhq_python.py)). Requests are "
      "counted from the simulator's log; rove's include the project's own GET (`/projects/web`).")
    w("")
    paging.facts(w, started, options.command, load_before, load_after, py)
    w("")
    w("| peer | deployments | requests | best | median | in the process (best) | this / rove | command |")
    w("|---|---:|---:|---:|---:|---:|---:|---|")
    for p in (by["rove"], by["rove_for"], by["page"], by["per100"]):
        if p.failed or not p.walls:
            w(f"| {p.label} | **failed: {p.failed}** | | | | | | `{p.shown}` |")
            continue
        inner_peer = by["rove_in"] if p.key == "rove" else p
        inner = run.fmt_s(best(inner_peer.inner)) if inner_peer.inner else ""
        r = "" if p.key == "rove" else run.fmt_ratio(ratio(best(p.walls), r_best))
        w(f"| {p.label} | {expected:,} | {p.requests} | {run.fmt_s(best(p.walls))} | "
          f"{run.fmt_s(median(p.walls))} | {inner} | {r} | `{p.shown}` |")
    w("")
    w(f"First item of `for d in project.deployments {{ …; break }}` ([`bench/deployhq_first.rove`]"
      f"(bench/deployhq_first.rove)), from `now()` just before the loop, best of {options.runs}: "
      "**cold** with `deployhq.projects.get(\"web\")` inside the clock, **warm** with the project read "
      f"before it. The request latency is {options.latency_ms} ms.")
    w("")
    paging.first_item_table(w, first_peers, latency)
    w("")
    w("| goal | target | now | in the process | |")
    w("|---|---|---:|---:|---|")
    w(f"| `deployments.all` against the `page=` loop | at least 6× faster | "
      f"{run.fmt_ratio(page_speedup)} faster | {run.fmt_ratio(page_speedup_in)} faster | "
      f"{met(None if page_speedup is None else page_speedup >= 6)} |")
    w(f"| a `for` loop against the `page=` loop | (the same) | {run.fmt_ratio(for_speedup)} faster | | "
      f"{met(None if for_speedup is None else for_speedup >= 6)} |")
    w(f"| `deployments.all` against the `per_page=100` loop | (no goal) | {run.fmt_ratio(per100_speedup)} faster | | |")
    w("")
    w("The goal is judged on the whole-process times. Python's in-the-process figure leaves out its "
      "start and `import requests`; rove's leaves out its start-up only.")
    return paging.finish(lines)


if __name__ == "__main__":
    sys.exit(main())
