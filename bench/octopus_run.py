#!/usr/bin/env python3
"""The Octopus paging benchmark: rove's octopus.Tasks against python requests, on rove-sim.

Called by bench/octopus.sh (which builds and installs what is missing); prints the markdown of the
"Octopus paging" section of BENCHMARKS.md on standard output, progress on standard error.

    python3 bench/octopus_run.py --rove .build/release/rove --sim .build/release/rove-sim \
        --python /usr/bin/python3 [--runs 5] [--mem-runs 3] [--tasks 3000] [--latency-ms 50] \
        [--big-tasks 100000] [--command 'scripts/bench octopus']

1. Speed: `rove-sim --tasks 3000 --latency-ms 50`. Each round runs every peer once, in turn, so
   noise from the shared machine falls on all of them alike; the best of --runs rounds counts.
   Every run's count is checked against the server's TotalResults and the requests it made are
   counted from the simulator's log (/_sim/requests). Peers:
   - rove `len(octopus.Tasks.all)` (process wall time) and bench/octopus_all.rove (the same,
     timed inside the script with now(): no process start-up);
   - python requests following Links["Page.Next"] at the default take (bench/octopus_python.py next);
   - python requests, one GET of Page.All (bench/octopus_python.py all).
   Both python peers also time themselves from before their first request.
2. First item: bench/octopus_first.rove, from now() before the `for` to its first item; cold (the
   root documents not yet read) and warm (/api read before the clock starts).
3. Memory: `rove-sim --tasks 100000` without latency; `rove -e 'var n = 0; for t in
   octopus.Tasks { n += 1 }; n'` under GNU time; the highest peak RSS of --mem-runs runs counts.

Timings are reported, never asserted. A wrong count, a failed run or a simulator that does not
start is a failure: it is printed loudly and the exit status is 1 (the table is still printed,
with the failure in it).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paging  # noqa: E402  (the simulator, peers, runs and formats both paging benchmarks share)
import run  # noqa: E402  (machine facts, versions, run_once and the formats of the other sections)
from paging import Peer, best, fail, median, met, note, parse_fields, parse_plain, ratio, run_peer  # noqa: E402

paging.use("octopus")
ALL_EXPR = "len(octopus.Tasks.all)"
LOOP_EXPR = "var n = 0; for t in octopus.Tasks { n += 1 }; n"


class Simulator(paging.Simulator):
    """rove-sim on a free port, stopped with SIGTERM; .env holds OCTOPUS_URL and OCTOPUS_API_KEY."""

    SERVICE = "octopus"
    PORTS = ["--octopus-port", "0"]
    NOUN = "tasks"

    def headers(self, key):
        return {"X-Octopus-ApiKey": self.env["OCTOPUS_API_KEY"]} if key else {}

    def total_tasks(self):
        return self.request("GET", "/api/tasks?skip=0&take=1")["TotalResults"]


def main():
    parser = paging.arguments(__doc__.split("\n")[0], "octopus")
    parser.add_argument("--mem-runs", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=3000)
    parser.add_argument("--big-tasks", type=int, default=100000)
    options = parser.parse_args()
    rove, py = options.rove, options.python
    started, load_before = paging.now()
    env_before = dict(os.environ)
    latency = options.latency_ms / 1000

    # 1. Speed, and 2. the first item, against one simulator with latency.
    sim_flags = ["--tasks", str(options.tasks), "--latency-ms", str(options.latency_ms)]
    sim = Simulator(options.sim, sim_flags)
    os.environ.update(sim.env)  # run_once passes the environment on to every peer
    peers = [
        Peer("rove", "rove `octopus.Tasks.all`", [rove, "-e", ALL_EXPR],
             f"rove -e '{ALL_EXPR}'", parse_plain),
        Peer("rove_in", "rove `octopus.Tasks.all`, timed in the script", [rove, "bench/octopus_all.rove"],
             "rove bench/octopus_all.rove", parse_fields),
        Peer("next", "python requests following `Page.Next`", [py, "bench/octopus_python.py", "next"],
             "python3 bench/octopus_python.py next", parse_fields),
        Peer("all", "python requests, one `Page.All` GET", [py, "bench/octopus_python.py", "all"],
             "python3 bench/octopus_python.py all", parse_fields),
    ]
    first_peers = [
        Peer("cold", "cold", [rove, "bench/octopus_first.rove"], "rove bench/octopus_first.rove", None),
        Peer("warm", "warm", [rove, "bench/octopus_first.rove", "warm"],
             "rove bench/octopus_first.rove warm", None),
    ]
    try:
        expected = sim.total_tasks()
        note(f"{sim.shown}: {expected} tasks in /api/tasks; {options.runs} rounds")
        paging.rounds(peers, sim, expected, options.runs)
        paging.first_items(first_peers, sim, options.runs, lambda task_id: task_id.startswith("ServerTasks-"))
    finally:
        sim.stop()

    # 3. Memory, against a big simulator without latency.
    big = None
    mem = Peer("mem", "rove `for t in octopus.Tasks`", [rove, "-e", LOOP_EXPR], f"rove -e '{LOOP_EXPR}'",
               parse_plain)
    mem_all = Peer("mem_all", "rove `octopus.Tasks.all` (for comparison)", [rove, "-e", ALL_EXPR],
                   f"rove -e '{ALL_EXPR}'", parse_plain)
    big_expected = None
    if not run.GNU_TIME:
        fail("GNU time (/usr/bin/time) is missing: no peak RSS")
    else:
        big = Simulator(options.sim, ["--tasks", str(options.big_tasks)])
        os.environ.update(big.env)
        try:
            big_expected = big.total_tasks()
            note(f"{big.shown}: {big_expected} tasks; {options.mem_runs} runs under GNU time")
            for _ in range(options.mem_runs):
                run_peer(mem, big, big_expected, 900)
            run_peer(mem_all, big, big_expected, 900)
            if mem.rss:
                note(f"peak RSS iterating: {max(mem.rss):.1f} MB (runs: "
                     + ", ".join(f"{r:.1f}" for r in mem.rss) + ")")
        finally:
            big.stop()
    os.environ.clear()
    os.environ.update(env_before)
    load_after = os.getloadavg()

    # The section.
    by = {p.key: p for p in peers}
    r_best = best(by["rove"].walls)
    loop_speedup = ratio(best(by["next"].walls), r_best)
    all_ratio = ratio(r_best, best(by["all"].walls))
    loop_speedup_in = ratio(best(by["next"].inner), best(by["rove_in"].inner))
    all_ratio_in = ratio(best(by["rove_in"].inner), best(by["all"].inner))
    cold, warm = (best(p.inner) for p in first_peers)
    first_goal = 2 * latency
    peak = max(mem.rss) if mem.rss and not mem.failed else None

    lines = []
    w = lines.append
    w("## Octopus paging")
    w("")
    w("Reading every task of an Octopus server: `octopus.Tasks.all` against a python `requests` "
      "loop following `Links[\"Page.Next\"]` (the default take of 30, as vendor scripts page) and "
      "against one `Page.All` GET (`?skip=0&take=2147483647`), all against the same local "
      f"`{sim.shown}`, which delays every answer by {options.latency_ms} ms. "
      "Each round runs every peer once, in turn; the best of "
      f"{options.runs} rounds counts, wall clock with start-up included (as in the sections above), "
      "and every run's count is checked against the server's `TotalResults`. \"In the process\" "
      "is the same work timed from inside the program (rove: `now()` in "
      "[`bench/octopus_all.rove`](bench/octopus_all.rove); python: `time.perf_counter()` after "
      "`import requests`, in [`bench/octopus_python.py`](bench/octopus_python.py)). Requests are "
      "counted from the simulator's log; rove's include the root documents it reads on first use "
      "(`/api`, and the space's documents when it needs them).")
    w("")
    paging.facts(w, started, options.command, load_before, load_after, py)
    w("")
    w(f"| peer | tasks | requests | best | median | in the process (best) | rove / this | command |")
    w("|---|---:|---:|---:|---:|---:|---:|---|")
    shown_peers = [by["rove"], by["next"], by["all"]]
    for p in shown_peers:
        if p.failed or not p.walls:
            w(f"| {p.label} | **failed: {p.failed}** | | | | | | `{p.shown}` |")
            continue
        inner_peer = by["rove_in"] if p.key == "rove" else p
        r = "" if p.key == "rove" else run.fmt_ratio(ratio(r_best, best(p.walls)))
        w(f"| {p.label} | {expected:,} | {p.requests} | {run.fmt_s(best(p.walls))} | "
          f"{run.fmt_s(median(p.walls))} | {run.fmt_s(best(inner_peer.inner))} | {r} | `{p.shown}` |")
    w("")
    w(f"First item of `for t in octopus.Tasks {{ …; break }}` ([`bench/octopus_first.rove`]"
      f"(bench/octopus_first.rove)), from `now()` just before the loop, best of {options.runs}: "
      "**cold** as a script starts (the root documents are read on first use, inside the clock), "
      "**warm** with the server's root (`octopus.json`) read before the clock starts. The request latency is "
      f"{options.latency_ms} ms.")
    w("")
    paging.first_item_table(w, first_peers, latency)
    w("")
    big_shown = f"rove-sim --tasks {options.big_tasks}"
    w(f"Memory: every task of `{big_shown}` (no latency; {big_expected or '?':,} tasks) read by a "
      f"`for` loop, under GNU `time`; the highest peak RSS of {options.mem_runs} run{'s' if options.mem_runs != 1 else ''} counts. "
      "`octopus.Tasks.all`, which holds every task at once, is shown for comparison (one run).")
    w("")
    w("| memory | tasks | requests | peak RSS | wall | command |")
    w("|---|---:|---:|---:|---:|---|")
    for p in (mem, mem_all):
        if p.failed or not p.rss:
            w(f"| {p.label} | **failed: {p.failed or 'no figure'}** | | | | `{p.shown}` |")
            continue
        w(f"| {p.label} | {big_expected:,} | {p.requests} | {run.fmt_mb(max(p.rss))} | "
          f"{run.fmt_s(best(p.walls))} | `{p.shown}` |")
    w("")
    w("| goal | target | now | in the process | |")
    w("|---|---|---:|---:|---|")
    w(f"| `octopus.Tasks.all` against the `Page.Next` loop | at least 6× faster | "
      f"{run.fmt_ratio(loop_speedup)} faster | {run.fmt_ratio(loop_speedup_in)} faster | "
      f"{met(None if loop_speedup is None else loop_speedup >= 6)} |")
    w(f"| `octopus.Tasks.all` against one `Page.All` GET | at most 1.5× its time | "
      f"{run.fmt_ratio(all_ratio)} | {run.fmt_ratio(all_ratio_in)} | "
      f"{met(None if all_ratio is None else all_ratio <= 1.5)} |")
    w(f"| first item of a `for` loop | about one latency ({options.latency_ms} ms; taken as "
      f"at most {first_goal * 1000:.0f} ms) | warm {run.fmt_s(warm)} | cold {run.fmt_s(cold)} | "
      f"{met(None if warm is None else warm <= first_goal)} |")
    w(f"| peak RSS iterating {big_expected or options.big_tasks:,} tasks | under 100 MB | "
      f"{run.fmt_mb(peak)} | | {met(None if peak is None else peak < 100)} |")
    w("")
    w("The goals are judged on the whole-process times (the \"now\" column) and, for the first "
      "item, on the loop's own wait (warm: the connection has read the server's root document, "
      "as it has after any earlier use); a cold script pays one more latency for that root "
      "document, which says where `Tasks` lives. The in-the-process column leaves out every "
      "program's start-up (python's includes neither its start nor `import requests`).")
    return paging.finish(lines)


if __name__ == "__main__":
    sys.exit(main())
