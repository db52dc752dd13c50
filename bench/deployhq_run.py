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
import argparse
import base64
import datetime
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (machine facts, versions, run_once)
from octopus_run import Peer, best, fields, median, met, parse_fields, parse_plain, ratio  # noqa: E402  (shared shapes)

ROOT = run.ROOT
PROJECT = 'deployhq.projects.get("web")'
ALL_EXPR = f"{PROJECT}.deployments.all.count"
LOOP_EXPR = f"var n = 0; for d in {PROJECT}.deployments {{ n += 1 }}; n"
FAILURES = []


def note(text):
    print(f"bench/deployhq: {text}", file=sys.stderr, flush=True)


def fail(text):
    FAILURES.append(text)
    bar = "!" * 78
    print(f"\n{bar}\nbench/deployhq: FAILURE: {text}\n{bar}\n", file=sys.stderr, flush=True)


class Simulator:
    """rove-sim on free ports, stopped with SIGTERM; .env holds the DEPLOYHQ_* of its ready line."""

    def __init__(self, binary, flags):
        self.shown = shlex.join(["rove-sim"] + flags)
        self.proc = subprocess.Popen([binary, "--octopus-port", "0", "--deployhq-port", "0"] + flags, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)
        self.env = None
        lines = []
        while self.env is None:  # one ready line per service, once every listener is bound
            line = self.proc.stdout.readline()
            lines.append(line)
            match = re.match(r"deployhq: (.*)$", line.strip())
            if match:
                self.env = dict(pair.split("=", 1) for pair in match.group(1).split())
            elif not line:
                self.stop()
                raise RuntimeError(f"{self.shown} did not start: {lines!r} {self.proc.stderr.read()[:500]}")
        self.url = self.env["DEPLOYHQ_URL"].rstrip("/")
        token = f"{self.env['DEPLOYHQ_EMAIL']}:{self.env['DEPLOYHQ_API_KEY']}"
        self.authorization = "Basic " + base64.b64encode(token.encode()).decode()

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
        req.add_header("Accept", "application/json")
        if key:
            req.add_header("Authorization", self.authorization)
        with urllib.request.urlopen(req, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

    def pagination(self):
        return self.request("GET", "/projects/web/deployments")["pagination"]

    def clear_log(self):
        self.request("DELETE", "/_sim/requests", key=False)

    def logged(self):
        """(requests answered since the last clear_log, how many of them were not 200)."""
        log = self.request("GET", "/_sim/requests", key=False)
        return len(log), sum(1 for entry in log if entry.get("status") != 200)


def run_peer(peer, sim, expected, timeout):
    """One run of a peer: its count checked, its wall (and in-process) time and requests recorded."""
    if peer.failed:
        return
    sim.clear_log()
    rc, out, err, seconds, _ = run.run_once(peer.argv, timeout)
    made, bad = sim.logged()
    if rc != 0:
        peer.failed = f"exit status {rc}"
        fail(f"{peer.label}: `{peer.shown}` exited {rc}: {run.first_line(err) or run.first_line(out)}")
        return
    count, inner = peer.parse(out)
    if count != expected:
        peer.failed = f"counted {count}, expected {expected}"
        fail(f"{peer.label}: `{peer.shown}` counted {count} deployments, but the server has {expected} "
             f"(stdout {out.strip()[:200]!r}, stderr {err.strip()[:200]!r})")
        return
    if bad:
        note(f"{peer.label}: {bad} of {made} requests were not answered 200")
    peer.walls.append(seconds)
    if inner is not None:
        peer.inner.append(inner)
    peer.requests = made


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rove", default=os.path.join(ROOT, ".build/release/rove"))
    parser.add_argument("--sim", default=os.path.join(ROOT, ".build/release/rove-sim"))
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--deployments", type=int, default=440)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--command", default="scripts/bench deployhq")
    options = parser.parse_args()
    rove, py = options.rove, options.python
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
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
        for peer in peers:  # a warm-up round: page cache, connection set-up, the simulator's first renders
            run.run_once(peer.argv, 600)
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
                if rc != 0 or len(found.get("id", "")) != 36 or first != first:
                    peer.failed = "no first item"
                    fail(f"first item ({peer.label}): `{peer.shown}` gave {out.strip()[:200]!r} "
                         f"{run.first_line(err)!r}, exit {rc}")
                    break
                peer.inner.append(first)
                peer.requests = made
            if peer.inner:
                note(f"first item, {peer.label}: best {min(peer.inner) * 1000:.1f} ms, {peer.requests} requests")
    finally:
        sim.stop()
        os.environ.clear()
        os.environ.update(env_before)
    load_after = os.getloadavg()

    facts = run.machine_facts()
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
    w(f"- **Date:** {started.strftime('%Y-%m-%d %H:%M UTC')}")
    w(f"- **Command:** `{options.command}` (runs [`bench/deployhq.sh`](bench/deployhq.sh))")
    w(f"- **Machine:** {facts['nproc']} cores ({facts['cpu']}), {facts['memory']} RAM, "
      f"{facts['os']}, Linux {facts['kernel']}; load average {load_before[0]:.2f} before, "
      f"{load_after[0]:.2f} after")
    w(f"- **Rove:** {run.rove_revision()}, release build of `rove` and `rove-sim`")
    req_version = run.version_of([py, "-c", "import requests; print(requests.__version__)"])
    w(f"- **Peers:** {run.version_of([py, '--version'])} (`{py}`), requests {req_version}")
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
    w("| first item | best | median | in latencies | requests in the run | command |")
    w("|---|---:|---:|---:|---:|---|")
    for p in first_peers:
        if p.failed or not p.inner:
            w(f"| {p.label} | **failed: {p.failed}** | | | | `{p.shown}` |")
            continue
        w(f"| {p.label} | {run.fmt_s(best(p.inner))} | {run.fmt_s(median(p.inner))} | "
          f"{best(p.inner) / latency:.1f} | {p.requests} | `{p.shown}` |")
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
