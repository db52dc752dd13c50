"""What the provider paging benchmarks share (bench/octopus_run.py and bench/deployhq_run.py).

A runner calls use("octopus") (its name in messages) first, subclasses Simulator for its service,
and builds its own peers, rounds and markdown from the pieces here: Peer and run_peer, the first-item
runs, the facts under a section's heading, and finish(), which prints the section with its failures.
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
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (machine facts, versions, run_once and the formats of the other sections)

ROOT = run.ROOT
NAME = "paging"  # the benchmark's name in messages: use() sets it
FAILURES = []


def use(name):
    """Name the benchmark in every note and failure: `bench/NAME: …`."""
    global NAME
    NAME = name


def note(text):
    print(f"bench/{NAME}: {text}", file=sys.stderr, flush=True)


def fail(text):
    FAILURES.append(text)
    bar = "!" * 78
    print(f"\n{bar}\nbench/{NAME}: FAILURE: {text}\n{bar}\n", file=sys.stderr, flush=True)


def arguments(description, name):
    """The options every paging runner takes; the runner adds its own and parses."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rove", default=os.path.join(ROOT, ".build/release/rove"))
    parser.add_argument("--sim", default=os.path.join(ROOT, ".build/release/rove-sim"))
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--command", default=f"scripts/bench {name}")
    return parser


class Simulator:
    """rove-sim on free ports, stopped with SIGTERM; .env holds the variables of SERVICE's ready line.

    A subclass names SERVICE (its ready line's prefix, and the prefix of its variables), the PORTS
    flags it starts rove-sim with, the NOUN of what the server counts, and headers().
    """

    SERVICE = None
    PORTS = []
    NOUN = "items"

    def __init__(self, binary, flags):
        self.flags = flags
        self.shown = shlex.join(["rove-sim"] + flags)
        self.proc = subprocess.Popen([binary] + self.PORTS + flags, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)
        self.env = None
        lines = []
        while self.env is None:  # one ready line per service, once every listener is bound
            line = self.proc.stdout.readline()
            lines.append(line)
            match = re.match(rf"{re.escape(self.SERVICE)}: (.*)$", line.strip())
            if match:
                self.env = dict(pair.split("=", 1) for pair in match.group(1).split())
            elif not line:
                self.stop()
                raise RuntimeError(f"{self.shown} did not start: {lines!r} {self.proc.stderr.read()[:500]}")
        self.url = self.env[f"{self.SERVICE.upper()}_URL"].rstrip("/")

    def headers(self, key):
        """The headers of a request to the service; key: with its credentials."""
        return {}

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
        for name, value in self.headers(key).items():
            req.add_header(name, value)
        with urllib.request.urlopen(req, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

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
    """One run of a peer: its count checked, its wall (and in-process) time, peak RSS and requests recorded."""
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
        fail(f"{peer.label}: `{peer.shown}` counted {count} {sim.NOUN}, but the server has {expected} "
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


def rounds(peers, sim, expected, runs):
    """A warm-up round, then `runs` rounds that run every peer once, in turn."""
    for peer in peers:  # a warm-up round: page cache, connection set-up, the simulator's first renders
        run.run_once(peer.argv, 600)
    for round_number in range(runs):
        for peer in peers:
            run_peer(peer, sim, expected, 600)
        note(f"round {round_number + 1}: " + ", ".join(
            f"{p.key} {p.walls[-1]:.3f} s" for p in peers if p.walls and not p.failed))


def first_items(first_peers, sim, runs, good_id):
    """`runs` runs of each first-item peer; a run must print an id that good_id accepts and first=SECONDS."""
    for peer in first_peers:
        for _ in range(runs):
            sim.clear_log()
            rc, out, err, seconds, _ = run.run_once(peer.argv, 120)
            made, _ = sim.logged()
            found = fields(out)
            try:
                first = float(found.get("first", "nan"))
            except ValueError:
                first = float("nan")
            if rc != 0 or not good_id(found.get("id", "")) or first != first:
                peer.failed = "no first item"
                fail(f"first item ({peer.label}): `{peer.shown}` gave {out.strip()[:200]!r} "
                     f"{run.first_line(err)!r}, exit {rc}")
                break
            peer.inner.append(first)
            peer.requests = made
        if peer.inner:
            note(f"first item, {peer.label}: best {min(peer.inner) * 1000:.1f} ms, {peer.requests} requests")


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


def now():
    """(when the benchmark started, the load average then)."""
    return datetime.datetime.now(datetime.timezone.utc), os.getloadavg()


def facts(w, started, command, load_before, load_after, py):
    """The list under a section's heading: date, command, machine, rove and the python peers."""
    machine = run.machine_facts()
    w(f"- **Date:** {started.strftime('%Y-%m-%d %H:%M UTC')}")
    w(f"- **Command:** `{command}` (runs [`bench/{NAME}.sh`](bench/{NAME}.sh))")
    w(f"- **Machine:** {machine['nproc']} cores ({machine['cpu']}), {machine['memory']} RAM, "
      f"{machine['os']}, Linux {machine['kernel']}; load average {load_before[0]:.2f} before, "
      f"{load_after[0]:.2f} after")
    w(f"- **Rove:** {run.rove_revision()}, release build of `rove` and `rove-sim`")
    req_version = run.version_of([py, "-c", "import requests; print(requests.__version__)"])
    w(f"- **Peers:** {run.version_of([py, '--version'])} (`{py}`), requests {req_version}")


def first_item_table(w, first_peers, latency):
    w("| first item | best | median | in latencies | requests in the run | command |")
    w("|---|---:|---:|---:|---:|---|")
    for p in first_peers:
        if p.failed or not p.inner:
            w(f"| {p.label} | **failed: {p.failed}** | | | | `{p.shown}` |")
            continue
        w(f"| {p.label} | {run.fmt_s(best(p.inner))} | {run.fmt_s(median(p.inner))} | "
          f"{best(p.inner) / latency:.1f} | {p.requests} | `{p.shown}` |")


def finish(lines):
    """Print the section, with its failures; the exit status: 1 after any failure."""
    if FAILURES:
        lines += ["", "**Failures:**", ""] + [f"- {f}" for f in FAILURES]
    print("\n".join(lines))
    if FAILURES:
        note("failures:\n  " + "\n  ".join(FAILURES))
        return 1
    return 0
