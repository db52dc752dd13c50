#!/usr/bin/env python3
"""Run the benchmark programs in Rove, python3 and lua5.4 and write BENCHMARKS.md.

Called by scripts/bench, which builds rove and makes the JSON input first; it can also be run on
its own from the repository root:

    python3 bench/run.py --rove .build-install/release/rove [--runs 3] [--only fib,loop] [--out FILE]

For every program each language runs once to check its output (the peers must print exactly what
Python prints; the run also gives the peak RSS and warms the page cache), then --runs more times
under hyperfine when it is installed (or a plain timer when not). The headline figure is the best
run; the mean and standard deviation are shown beside it. A failed or mismatching run is reported
in the table and left out of the ratios; the exit status is then 1.
"""
import argparse
import datetime
import json
import math
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name, title, what the program does, has a lua version
PROGRAMS = [
    ("fib", "Recursive fib(27)",
     "`fib(27)` by naive recursion: about 630,000 calls, integer compare, add and subtract.", True),
    ("loop", "3,000,000-iteration integer loop",
     "`for i in 0..<3000000`: multiply, add, two modulos, a compare and a branch per iteration.",
     True),
    ("strings", "200,000 strings: build, join, split",
     "Interpolate 200,000 strings into a list, join them with commas, split the result, "
     "sum the lengths of the pieces.", True),
    ("records", "200,000 records: where / map / sum / groupBy / sortBy",
     "Build 200,000 objects with 5 fields, filter them, map and sum a field, group by a string "
     "field and sum each group, stable-sort by an integer field. Lua has no such methods: its "
     "version is the equivalent loops and `table.sort`.", True),
    ("jsondecode", "Decode and walk a 30 MB Octopus task collection",
     "Read `bench-out/tasks.json` (made by `bench/gen_tasks_json.py`: an Octopus `/api/tasks` "
     "page with ~18,000 ServerTasks, pretty-printed, with UTF-8 and escapes), decode it, count "
     "the tasks whose State is Success, sum `DurationSeconds`, count the links. Python uses its "
     "`json` module; Lua's standard library has no JSON decoder (n/a).", False),
    ("methods", "200,000 objects through closures: where / map / sortBy with string keys",
     "Build 200,000 objects with string keys and values, filter them with a two-field closure, "
     "map them to interpolated strings, sum the strings' lengths, sort all of them by a string "
     "field, and filter-then-interpolate again. Lua's version is the equivalent loops and "
     "`table.sort`.", True),
    ("fields", "1,000,000 small objects: read and update fields",
     "Build 1,000,000 objects with 3 integer fields, then update a field of each from two "
     "others by index (`points[i].hits += points[i].x + points[i].y`, a conditional second "
     "update), then read two fields of each in a `for` loop.", True),
    ("startup", "Start-up",
     "Start the interpreter on an empty program and exit: `rove -e nil`, `python3 -c pass`, "
     "`lua5.4 -e ''`.", True),
]
CORE = ["fib", "loop", "strings", "records"]
# Every program but start-up: the goal "every program at or below python3" is over these.
TIMED = CORE + ["jsondecode", "methods", "fields"]
LANGS = ["rove", "python3", "lua5.4"]


def sh(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def machine_facts():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    osname = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"cpu": cpu, "nproc": os.cpu_count(), "memory": memory, "os": osname,
            "kernel": platform.release()}


def version_of(args):
    try:
        out = sh(args, timeout=30)
        return first_line(out.stdout) or first_line(out.stderr)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def rove_revision():
    rev = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).stdout.strip() or "unknown"
    branch = sh(["git", "-C", ROOT, "rev-parse", "--abbrev-ref", "HEAD"]).stdout.strip()
    dirty = sh(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
    return f"{rev}{' (uncommitted changes)' if dirty else ''} on {branch}"


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv, timeout):
    """Run argv once; return (rc, stdout, stderr, seconds, peak RSS in MB or None).

    The peak RSS comes from GNU time, which forks the program from its own small process: a
    child forked straight from this Python would carry Python's resident pages into its
    ru_maxrss (Linux keeps the high-water mark across exec), so every program would seem to
    need at least as much memory as the runner.
    """
    out_file = tempfile.TemporaryFile(mode="w+")
    err_file = tempfile.TemporaryFile(mode="w+")
    rss_file = tempfile.NamedTemporaryFile(mode="w+", suffix=".rss", delete=False)
    rss_file.close()
    if GNU_TIME:
        argv = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + list(argv)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=out_file, stderr=err_file,
                            stdin=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            out_file.seek(0)
            err_file.seek(0)
            return -9, out_file.read(), f"timed out after {timeout} s", timeout, 0.0
        time.sleep(0.002)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out_file.seek(0)
    err_file.seek(0)
    rss = None
    try:
        with open(rss_file.name) as f:
            rss = int(f.read().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    os.unlink(rss_file.name)
    return proc.returncode, out_file.read(), err_file.read(), seconds, rss


def time_commands(commands, runs, warmup, use_hyperfine):
    """Time each argv; return one dict per command with best, mean, stddev and the run times."""
    if use_hyperfine:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
            export = f.name
        try:
            argv = ["hyperfine", "-N", "--style", "none", "--runs", str(runs),
                    "--warmup", str(warmup), "--export-json", export]
            argv += [shlex.join(c) for c in commands]
            result = sh(argv, cwd=ROOT)
            if result.returncode == 0:
                with open(export) as f:
                    data = json.load(f)["results"]
                return [{"best": r["min"], "mean": r["mean"], "stddev": r.get("stddev") or 0.0,
                         "times": r["times"]} for r in data]
            print("hyperfine failed, timing without it:", first_line(result.stderr),
                  file=sys.stderr)
        finally:
            os.unlink(export)
    results = []
    for c in commands:
        for _ in range(warmup):
            subprocess.run(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        mean = sum(times) / len(times)
        sd = math.sqrt(sum((t - mean) ** 2 for t in times) / (len(times) - 1)) if len(times) > 1 else 0.0
        results.append({"best": min(times), "mean": mean, "stddev": sd, "times": times})
    return results


def geomean(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_s(seconds):
    if seconds is None:
        return "—"
    if seconds < 0.1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.3f} s"


def fmt_mb(mb):
    return "—" if mb is None else (f"{mb:.1f} MB" if mb < 10 else f"{mb:.0f} MB")


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}×"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rove", default=os.path.join(ROOT, ".build", "release", "rove"))
    parser.add_argument("--python", default=None,
                        help="python3 to compare with (default: the real binary behind `python3`)")
    parser.add_argument("--lua", default=shutil.which("lua5.4"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--startup-runs", type=int, default=50)
    parser.add_argument("--only", default="", help="comma-separated program names")
    parser.add_argument("--no-hyperfine", action="store_true")
    parser.add_argument("--timeout", type=float, default=1200)
    parser.add_argument("--slow", type=float, default=60,
                        help="a check run longer than this many seconds is not repeated")
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--command", default=None, help="the command line to record")
    options = parser.parse_args()

    # The peer is Debian's python3 when there is one: `python3` on PATH may be a version
    # manager's (pyenv's is a shell-script shim, and its site imports add tens of milliseconds
    # to every start). Otherwise the interpreter behind `python3`, past any shim.
    python = options.python
    if python is None and os.access("/usr/bin/python3", os.X_OK):
        python = "/usr/bin/python3"
    if python is None:
        found = sh(["python3", "-c", "import sys; print(sys.executable)"]).stdout.strip()
        python = os.path.realpath(found) if found else sys.executable
    rove = os.path.abspath(options.rove)
    lua = options.lua
    use_hyperfine = shutil.which("hyperfine") is not None and not options.no_hyperfine
    only = [n for n in options.only.split(",") if n]
    programs = [p for p in PROGRAMS if not only or p[0] in only]
    if not os.access(rove, os.X_OK):
        sys.exit(f"bench: no rove executable at {rove} (build it: swift build -c release --product rove)")

    # Start-up: `rove -e nil` once the CLI has -e; until then an empty script file.
    probe = sh([rove, "-e", "nil"], cwd=ROOT, timeout=30)
    rove_startup = [rove, "-e", "nil"] if probe.returncode == 0 else [rove, "bench/empty.rove"]

    def commands(name, has_lua):
        if name == "startup":
            cmds = {"rove": rove_startup, "python3": [python, "-c", "pass"]}
            if lua:
                cmds["lua5.4"] = [lua, "-e", ""]
            return cmds
        cmds = {"rove": [rove, f"bench/{name}.rove"], "python3": [python, f"bench/{name}.py"]}
        if has_lua and lua:
            cmds["lua5.4"] = [lua, f"bench/{name}.lua"]
        return cmds

    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    results = {}
    failures = []
    for name, title, _, has_lua in programs:
        cmds = commands(name, has_lua)
        print(f"== {name}", file=sys.stderr)
        checks = {}
        for lang, argv in cmds.items():
            rc, out, err, seconds, rss = run_once(argv, options.timeout)
            out = out.rstrip()
            if lang == "rove" and out.endswith("=> nil"):
                # The placeholder driver on main echoes the script's value; not program output.
                out = out[: -len("=> nil")].rstrip()
            checks[lang] = {"rc": rc, "out": out, "err": err, "rss": rss, "seconds": seconds}
            print(f"   {lang:8} check run {seconds:7.3f} s  rc={rc}  {first_line(out)[:60]}",
                  file=sys.stderr)
        reference = checks["python3"]["out"]
        entry = {}
        timed = []
        for lang, argv in cmds.items():
            c = checks[lang]
            status = "ok"
            if c["rc"] != 0:
                status = f"failed (exit {c['rc']}): {first_line(c['err'])[:160]}"
            elif name != "startup" and c["out"] != reference:
                status = f"wrong output: {first_line(c['out'])[:80]!r}, expected {first_line(reference)[:80]!r}"
            if status != "ok":
                failures.append(f"{name} / {lang}: {status}")
            entry[lang] = {"status": status, "rss": c["rss"], "argv": argv}
            if status == "ok" and c["seconds"] > options.slow:
                # Too slow to repeat: the check run is the one measurement.
                entry[lang].update({"best": c["seconds"], "mean": c["seconds"], "stddev": 0.0,
                                    "times": [c["seconds"]], "single": True})
            elif status == "ok":
                timed.append(lang)
        runs = options.startup_runs if name == "startup" else options.runs
        warmup = 5 if name == "startup" else 0
        timings = time_commands([cmds[l] for l in timed], runs, warmup, use_hyperfine)
        for lang, t in zip(timed, timings):
            entry[lang].update(t)
            print(f"   {lang:8} best {fmt_s(t['best'])}  mean {fmt_s(t['mean'])}", file=sys.stderr)
        entry["output"] = reference
        results[name] = entry

    def best(name, lang):
        e = results.get(name, {}).get(lang)
        return e.get("best") if e else None

    def ratio(name, lang):
        r, p = best(name, "rove"), best(name, lang)
        return r / p if r is not None and p is not None else None

    geo_py = geomean([ratio(n, "python3") for n in CORE if n in results])
    geo_lua = geomean([ratio(n, "lua5.4") for n in CORE if n in results])
    geo_py5 = geomean([ratio(n, "python3") for n in CORE + ["jsondecode"] if n in results])
    geo_all = geomean([ratio(n, "python3") for n in TIMED if n in results])
    worst = max([(ratio(n, "python3"), n) for n in TIMED if ratio(n, "python3") is not None],
                default=(None, None))
    load_after = os.getloadavg()
    facts = machine_facts()

    lines = []
    w = lines.append
    w("# Benchmarks")
    w("")
    w("Written by `scripts/bench` — do not edit by hand; run it again. The same programs run in "
      "Rove, python3 and lua5.4 (sources in [`bench/`](bench/)); every run's output is checked "
      "against Python's before it is timed. Times are the best of "
      f"{options.runs} runs ({options.startup_runs} for start-up), wall clock, "
      f"{'measured with hyperfine' if use_hyperfine else 'measured with a plain timer'}; "
      "ratios are Rove's time divided by the peer's, so below 1 means Rove is faster.")
    w("")
    w(f"- **Date:** {started.strftime('%Y-%m-%d %H:%M UTC')}")
    w(f"- **Command:** `{options.command or shlex.join(sys.argv)}`")
    w(f"- **Machine:** {facts['nproc']} cores ({facts['cpu']}), {facts['memory']} RAM, "
      f"{facts['os']}, Linux {facts['kernel']}; load average {load_before[0]:.2f} before, "
      f"{load_after[0]:.2f} after")
    w(f"- **Rove:** {rove_revision()}, release build as `scripts/install` makes it (Swift runtime linked in); {version_of(['swift', '--version'])}")
    w(f"- **Peers:** {version_of([python, '--version'])} (`{python}`), "
      f"{' '.join(version_of([lua, '-v']).split()[:2]) if lua else 'lua5.4 not installed'}"
      f"{', ' + version_of(['hyperfine', '--version']) if use_hyperfine else ''}")
    w("")
    w("## Summary")
    w("")
    w("| # | program | rove | python3 | lua5.4 | rove / python3 | rove / lua5.4 |")
    w("|---|---|---:|---:|---:|---:|---:|")
    for i, (name, title, _, has_lua) in enumerate(PROGRAMS, 1):
        if name not in results:
            continue
        lua_cell = fmt_s(best(name, "lua5.4")) if has_lua else "n/a"
        lua_ratio = fmt_ratio(ratio(name, "lua5.4")) if has_lua else "n/a"
        w(f"| {i} | {title} | {fmt_s(best(name, 'rove'))} | {fmt_s(best(name, 'python3'))} | "
          f"{lua_cell} | {fmt_ratio(ratio(name, 'python3'))} | {lua_ratio} |")
    w(f"| | **geometric mean, programs 1–4** | | | | **{fmt_ratio(geo_py)}** | **{fmt_ratio(geo_lua)}** |")
    w(f"| | **geometric mean, programs 1–5** | | | | **{fmt_ratio(geo_py5)}** | |")
    w(f"| | **geometric mean, programs 1–7** | | | | **{fmt_ratio(geo_all)}** | |")
    w("")
    w("## Goals")
    w("")

    def verdict(ok):
        return "—" if ok is None else ("met" if ok else "**not met**")

    js = ratio("jsondecode", "python3")
    st_r, st_p = best("startup", "rove"), best("startup", "python3")
    w("| goal | target | now | |")
    w("|---|---|---:|---|")
    fib_lua = ratio("fib", "lua5.4")
    w(f"| every program (1–7) against python3 | each ≤ 1.00× | worst {fmt_ratio(worst[0])}"
      f"{f' ({worst[1]})' if worst[1] else ''} | {verdict(None if worst[0] is None else worst[0] <= 1.0)} |")
    w(f"| programs 1–4 against python3 | geometric mean ≤ 0.70× | {fmt_ratio(geo_py)} | "
      f"{verdict(None if geo_py is None else geo_py <= 0.7)} |")
    w(f"| programs 1–4 against lua5.4 | geometric mean ≤ 2.00× | {fmt_ratio(geo_lua)} | "
      f"{verdict(None if geo_lua is None else geo_lua <= 2.0)} |")
    w(f"| fib against lua5.4 | ≤ 3.00× | {fmt_ratio(fib_lua)} | "
      f"{verdict(None if fib_lua is None else fib_lua <= 3.0)} |")
    w(f"| JSON decoding against python3's `json` | ≤ 0.80× | {fmt_ratio(js)} | "
      f"{verdict(None if js is None else js <= 0.8)} |")
    w(f"| start-up against `python3 -c pass` | ≤ 1.00× | {fmt_ratio(ratio('startup', 'python3'))} | "
      f"{verdict(None if st_r is None or st_p is None else st_r <= st_p)} |")
    w(f"| start-up | < 5 ms | {fmt_s(st_r)} | {verdict(None if st_r is None else st_r < 0.005)} |")
    w("")
    w("## Programs")
    for i, (name, title, what, has_lua) in enumerate(PROGRAMS, 1):
        if name not in results:
            continue
        entry = results[name]
        w("")
        w(f"### {i}. {title}")
        w("")
        if name == "startup" and entry["rove"]["argv"][1:] != ["-e", "nil"]:
            what += " (`rove -e` failed, so Rove runs the empty script `bench/empty.rove`.)"
        if name != "startup":
            what += f" Every language prints `{' / '.join(entry['output'].splitlines())}`."
        w(what)
        w("")
        w("| language | best | mean ± sd | peak RSS | rove / this | command |")
        w("|---|---:|---:|---:|---:|---|")
        for lang in LANGS:
            e = entry.get(lang)
            if e is None:
                w(f"| {lang} | n/a | | | | |")
                continue
            shown = shlex.join([os.path.relpath(a, ROOT) if a == rove else
                                (os.path.basename(a) if a in (python, lua) else a) for a in e["argv"]])
            if e["status"] != "ok":
                w(f"| {lang} | {e['status']} | | | | `{shown}` |")
                continue
            r = "" if lang == "rove" else fmt_ratio(ratio(name, lang))
            if e.get("single"):
                w(f"| {lang} | {fmt_s(e['best'])} | one run (over {options.slow:.0f} s) | "
                  f"{fmt_mb(e['rss'])} | {r} | `{shown}` |")
                continue
            w(f"| {lang} | {fmt_s(e['best'])} | {fmt_s(e['mean'])} ± {fmt_s(e['stddev'])} | "
              f"{fmt_mb(e['rss'])} | {r} | `{shown}` |")
    w("")
    w("## Notes")
    w("")
    w("- Each program is written the way a programmer would write it in that language: Python's "
      "hot code sits in a function (fast locals) as Python programmers do, Lua's uses `local`. "
      "Rove's runs at top level as a script would.")
    w("- The python3 peer is Debian's `/usr/bin/python3` when present (built with PGO and LTO, "
      "as distributions ship it), else the interpreter behind `python3` past any "
      "version-manager shim; `--python` picks another. A pyenv build without "
      "`--enable-optimizations` runs these programs 1.5–3× slower and starts several times "
      "slower (its site imports), so it would flatter Rove.")
    startup_number = [p[0] for p in PROGRAMS].index("startup") + 1
    w(f"- Rove's times include its start-up (see program {startup_number}); so do the peers'.")
    w("- Peak RSS is the check run's maximum resident set size, from GNU `time`.")
    w("- The machine is shared: on 2 cores another build can skew a run; the load average above "
      "tells whether one was running. Best-of-N damps that; compare ratios, not seconds, across "
      "machines.")
    if failures:
        w("")
        w("## Failures")
        w("")
        for f in failures:
            w(f"- {f}")
    text = "\n".join(lines) + "\n"
    # The sections other commands write (`scripts/bench octopus`, `scripts/bench http`) stay.
    kept = ""
    if os.path.exists(options.out):
        with open(options.out) as f:
            previous = f.read()
        for heading in ("\n## Octopus paging\n", "\n## HTTP\n"):
            if heading in previous:
                kept = previous[previous.index(heading):]
                break
    with open(options.out, "w") as f:
        f.write(text + kept)
    print(f"wrote {os.path.relpath(options.out)}", file=sys.stderr)
    if failures:
        print("failures:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
