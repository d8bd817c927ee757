#!/usr/bin/env python3
"""Forecast quality (issue 15): a real daemon (`aurora up -d`) supervising, with monitor.sample_interval 1s,
  leak-slow  grows 0.6 MiB/s toward limits.memory 256MiB (the limit is reached after about 7 minutes),
  leak-fast  grows 4 MiB/s toward limits.memory 512MiB (about 2 minutes),
  gc-fast    a GC-like sawtooth: +30 MiB over 10 s, then freed, again and again, under limits.memory 256MiB,
  gc-slow    the same with +60 MiB over 60 s,
and predict_horizon 5m. The leakers stop growing at 110 % of their limit (when nothing kills them; once
limits.memory is enforced the daemon kills them at the limit, and that is the breach).

For each leaker: the real breach is the first moment its RSS (read here from /proc every 100 ms) reaches the limit,
or its exit, whichever comes first; the lead is the breach minus the time of its first `prediction` event, and the
ETA error is |eta_seconds - real time to breach| / real time to breach, at that event; `predictions` counts its
`prediction` events (first and repeats), `before` those before the breach. For each sawtooth: how many `prediction`
events it got. Pass: every leaker predicted >= 30 s ahead with an error <= 25 %, no sawtooth predicted.

    bench/forecast/run.py [--aurora ./aurora] [--minutes 10] [--quick]      (--quick: leak-fast and gc-fast, 2.5 min)
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MiB = 1 << 20
PAGE = os.sysconf("SC_PAGE_SIZE")

LEAK = """import sys, time
rate, limit = float(sys.argv[1]) * (1 << 20), int(sys.argv[2]) * (1 << 20)
blocks, step = [], int(rate / 10)
start = time.monotonic()
while sum(len(b) for b in blocks) < limit * 1.1:
    blocks.append(bytearray(step))
    time.sleep(max(0, start + len(blocks) / 10 - time.monotonic()))
time.sleep(100000)
"""

SAW = """import sys, time
amplitude, period = float(sys.argv[1]) * (1 << 20), float(sys.argv[2])
steps = int(period * 10)
while True:
    blocks = []
    start = time.monotonic()
    for i in range(steps):
        blocks.append(bytearray(int(amplitude / steps)))
        time.sleep(max(0, start + (i + 1) / 10 - time.monotonic()))
    del blocks
"""

SERVICES = {
    "leak-slow": ("leak", ["0.6", "256"], 256),
    "leak-fast": ("leak", ["4", "512"], 512),
    "gc-fast": ("saw", ["30", "10"], 256),
    "gc-slow": ("saw", ["60", "60"], 256),
}


def aurora(binary, work, *args, check=True):
    return subprocess.run([binary, *args], cwd=work, check=check, capture_output=True, text=True)


def rss(pid):
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (FileNotFoundError, ProcessLookupError):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aurora", default=os.path.join(ROOT, "aurora"))
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    names = ["leak-fast", "gc-fast"] if args.quick else list(SERVICES)
    minutes = 2.5 if args.quick else args.minutes

    work = tempfile.mkdtemp(prefix="aurora-forecast-")
    with open(os.path.join(work, "leak.py"), "w") as f:
        f.write(LEAK)
    with open(os.path.join(work, "saw.py"), "w") as f:
        f.write(SAW)
    lines = ["services:"]
    for name in names:
        script, argv, limit = SERVICES[name]
        command = json.dumps(["python3", f"{script}.py", *argv])
        lines.append(f"  {name}: {{ command: {command}, limits: {{ memory: {limit}MiB }}, restart: {{ policy: never }} }}")
    lines.append("monitor: { sample_interval: 1s, predict_horizon: 5m }")
    with open(os.path.join(work, "aurora.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")

    aurora(args.aurora, work, "up", "-d")
    try:
        status = json.loads(aurora(args.aurora, work, "status", "--json").stdout)
        pids = {s["name"]: s["pid"] for s in status["services"]}
        breach = {}
        start = time.time()
        print(f"[forecast] {work}: {', '.join(names)} for {minutes} min", file=sys.stderr, flush=True)
        while time.time() - start < minutes * 60:
            for name in names:
                if SERVICES[name][0] != "leak" or name in breach:
                    continue
                used = rss(pids[name])
                if used is None or used >= SERVICES[name][2] * MiB:
                    breach[name] = time.time()
            time.sleep(0.1)

        events = [json.loads(l) for l in aurora(args.aurora, work, "events", "--json").stdout.splitlines() if l.strip()]
    finally:
        aurora(args.aurora, work, "down", check=False)

    def ts(e):
        return time.mktime(time.strptime(e["time"][:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone + float("0." + e["time"][20:23])

    for e in events:  # a kill by limits.memory is the breach when it comes before our own reading
        if e["type"] == "service.exited" and e.get("service") in breach:
            breach[e["service"]] = min(breach[e["service"]], ts(e))
        elif e["type"] == "service.exited" and e.get("service") in names and SERVICES[e["service"]][0] == "leak":
            breach[e["service"]] = ts(e)

    ok = True
    print(f"{'service':<10} {'kind':<9} {'predictions':>11} {'before':>6} {'first at':>9} {'lead s':>7} {'eta s':>7} {'error':>6} {'conf':>5}")
    for name in names:
        kind = SERVICES[name][0]
        mine = [e for e in events if e["type"] == "prediction" and e.get("service") == name and e["data"]["resource"] == "memory"]
        resolved = [e for e in events if e["type"] == "prediction.resolved" and e.get("service") == name]
        if kind == "saw":
            ok &= not mine
            print(f"{name:<10} {'sawtooth':<9} {len(mine):>11} {'-':>6} {'-':>9} {'-':>7} {'-':>7} {'-':>6} {'-':>5}   resolved {len(resolved)}")
            continue
        if not mine or name not in breach:
            ok = False
            print(f"{name:<10} {'leak':<9} {len(mine):>11}   no prediction" if not mine else f"{name:<10} leak: no breach in the run")
            continue
        first = mine[0]
        at = ts(first) - start
        real = breach[name] - ts(first)
        eta = first["data"]["eta_seconds"]
        error = abs(eta - real) / real
        ok &= real >= 30 and error <= 0.25
        print(f"{name:<10} {'leak':<9} {len(mine):>11} {sum(ts(e) < breach[name] for e in mine):>6} {at:>8.0f}s {real:>7.0f} {eta:>7.0f} {error:>6.0%} {first['data']['confidence']:>5}")
    print("PASS" if ok else "FAIL")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
