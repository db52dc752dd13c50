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
import argparse
import datetime
import json
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (machine facts, versions, run_once and the formats of the other sections)

ROOT = run.ROOT
ALL_EXPR = "len(octopus.Tasks.all)"
LOOP_EXPR = "var n = 0; for t in octopus.Tasks { n += 1 }; n"
FAILURES = []


def note(text):
    print(f"bench/octopus: {text}", file=sys.stderr, flush=True)


def fail(text):
    FAILURES.append(text)
    bar = "!" * 78
    print(f"\n{bar}\nbench/octopus: FAILURE: {text}\n{bar}\n", file=sys.stderr, flush=True)


class Simulator:
    """rove-sim on a free port, stopped with SIGTERM; .env holds OCTOPUS_URL and OCTOPUS_API_KEY."""

    def __init__(self, binary, flags):
        self.flags = flags
        self.shown = shlex.join(["rove-sim"] + flags)
        self.proc = subprocess.Popen([binary, "--octopus-port", "0"] + flags, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()  # the ready line, once every listener is bound
        match = re.match(r"octopus: (.*)$", line.strip())
        if not match:
            self.stop()
            raise RuntimeError(f"{self.shown} did not start: {line!r} {self.proc.stderr.read()[:500]}")
        self.env = dict(pair.split("=", 1) for pair in match.group(1).split())
        self.url = self.env["OCTOPUS_URL"]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def request(self, method, path, key=True):
        req = urllib.request.Request(self.url + path, method=method)
        if key:
            req.add_header("X-Octopus-ApiKey", self.env["OCTOPUS_API_KEY"])
        with urllib.request.urlopen(req, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

    def total_tasks(self):
        return self.request("GET", "/api/tasks?skip=0&take=1")["TotalResults"]

    def clear_log(self):
        self.request("DELETE", "/_sim/requests", key=False)

    def logged(self):
        """(requests answered since the last clear_log, how many of them were not 200)."""
        log = self.request("GET", "/_sim/requests", key=False)
        return len(log), sum(1 for entry in log if entry.get("status") != 200)


def fields(text):
    """`count=3245 elapsed=0.35` → {"count": "3245", "elapsed": "0.35"} (the last such line)."""
    found = {}
    for line in text.splitlines():
        pairs = dict(re.findall(r"(\w+)=(\S+)", line))
        if pairs:
            found = pairs
    return found


class Peer:
    def __init__(self, key, label, argv, shown, parse):
        self.key, self.label, self.argv, self.shown, self.parse = key, label, argv, shown, parse
        self.walls, self.inner, self.rss = [], [], []
        self.requests = None
        self.failed = None


def run_peer(peer, sim, expected, timeout):
    """One run of a peer: its count checked, its wall (and in-process) time recorded."""
    if peer.failed:
        return
    sim.clear_log()
    rc, out, err, seconds, rss = run.run_once(peer.argv, timeout)
    made, bad = sim.logged()
    if rc != 0:
        peer.failed = f"exit status {rc}"
        fail(f"{peer.label}: `{peer.shown}` exited {rc}: {run.first_line(err) or run.first_line(out)}")
        return
    count, inner = peer.parse(out)
    if count != expected:
        peer.failed = f"counted {count}, expected {expected}"
        fail(f"{peer.label}: `{peer.shown}` counted {count} tasks, but the server has {expected} "
             f"(stdout {out.strip()[:200]!r}, stderr {err.strip()[:200]!r})")
        return
    if bad:
        note(f"{peer.label}: {bad} of {made} requests were not answered 200")
    peer.walls.append(seconds)
    if inner is not None:
        peer.inner.append(inner)
    if rss is not None:
        peer.rss.append(rss)
    peer.requests = made


def parse_plain(out):
    text = out.strip()
    return (int(text) if text.isdigit() else text), None


def parse_fields(out):
    found = fields(out)
    count = found.get("count", "")
    return (int(count) if count.isdigit() else out.strip()), float(found.get("elapsed", "nan"))


def best(values):
    return min(values) if values else None


def median(values):
    return statistics.median(values) if values else None


def ratio(a, b):
    return a / b if a is not None and b else None


def met(ok):
    if ok is None:
        return "—"
    return "met" if ok else "**not met**"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rove", default=os.path.join(ROOT, ".build/release/rove"))
    parser.add_argument("--sim", default=os.path.join(ROOT, ".build/release/rove-sim"))
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mem-runs", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=3000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--big-tasks", type=int, default=100000)
    parser.add_argument("--command", default="scripts/bench octopus")
    options = parser.parse_args()
    rove, py = options.rove, options.python
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
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
        for peer in peers:  # a warm-up round: page cache, connection set-up, the simulator's first renders
            rc, out, err, _, _ = run.run_once(peer.argv, 600)
        for round_number in range(options.runs):
            for peer in peers:
                run_peer(peer, sim, expected, 600)
            note(f"round {round_number + 1}: " + ", ".join(
                f"{p.key} {p.walls[-1]:.3f} s" for p in peers if p.walls and not p.failed))
        for peer in first_peers:
            for _ in range(options.runs):
                sim.clear_log()
                rc, out, err, seconds, _ = run.run_once(peer.argv, 120)
                made, _ = sim.logged()
                found = fields(out)
                try:
                    first = float(found.get("first", "nan"))
                except ValueError:
                    first = float("nan")
                if rc != 0 or not found.get("id", "").startswith("ServerTasks-") or first != first:
                    peer.failed = "no first item"
                    fail(f"first item ({peer.label}): `{peer.shown}` gave {out.strip()[:200]!r} "
                         f"{run.first_line(err)!r}, exit {rc}")
                    break
                peer.inner.append(first)
                peer.requests = made
            if peer.inner:
                note(f"first item, {peer.label}: best {min(peer.inner) * 1000:.1f} ms, "
                     f"{peer.requests} requests")
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
    facts = run.machine_facts()
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
    w(f"- **Date:** {started.strftime('%Y-%m-%d %H:%M UTC')}")
    w(f"- **Command:** `{options.command}` (runs [`bench/octopus.sh`](bench/octopus.sh))")
    w(f"- **Machine:** {facts['nproc']} cores ({facts['cpu']}), {facts['memory']} RAM, "
      f"{facts['os']}, Linux {facts['kernel']}; load average {load_before[0]:.2f} before, "
      f"{load_after[0]:.2f} after")
    w(f"- **Rove:** {run.rove_revision()}, release build of `rove` and `rove-sim`")
    req_version = run.version_of([py, "-c", "import requests; print(requests.__version__)"])
    w(f"- **Peers:** {run.version_of([py, '--version'])} (`{py}`), requests {req_version}")
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
    w("| first item | best | median | in latencies | requests in the run | command |")
    w("|---|---:|---:|---:|---:|---|")
    for p in first_peers:
        if p.failed or not p.inner:
            w(f"| {p.label} | **failed: {p.failed}** | | | | `{p.shown}` |")
            continue
        w(f"| {p.label} | {run.fmt_s(best(p.inner))} | {run.fmt_s(median(p.inner))} | "
          f"{best(p.inner) / latency:.1f} | {p.requests} | `{p.shown}` |")
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
    if FAILURES:
        w("")
        w("**Failures:**")
        w("")
        for f in FAILURES:
            w(f"- {f}")
    print("\n".join(lines))
    if FAILURES:
        note("failures:\n  " + "\n  ".join(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
