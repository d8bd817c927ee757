#!/usr/bin/env python3
"""Issue 17 in numbers: what the holder costs and how long a handover takes.

  1. `aurora up -d` with N services (bench/measure.py's `sleep` markers); after --settle s, the RSS of the daemon and
     of the holder (VmRSS; the sum is what the Performance table's RSS counts).
  2. --rounds of `aurora daemon restart`: the handover time it prints (request to every service adopted), and its
     wall time; after each, every pid must be the same and no service restarted.
  3. --rounds of `kill -9` of the daemon + `aurora up -d`: from the launch of `up -d` to every service adopted (pids as
     before, read with `status --json`); after each: the same pids, 0 restarts, exactly N markers (no duplicate),
     one holder, and nothing left after the final `aurora down` (no orphan).

    bench/adoption/handover.py --aurora /path/to/native/aurora [--services 200] [--rounds 100] [--settle 5]"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import measure  # noqa: E402


def status(binary, cwd):
    out = subprocess.run([binary, "status", "--json"], cwd=cwd, capture_output=True, text=True, timeout=30)
    return json.loads(out.stdout)["services"] if out.returncode == 0 else None


def holders(state_dir):
    return [p for p in measure.all_pids() if (measure.read(f"/proc/{p}/cmdline") or b"").split(b"\0")[-2:-1] == [state_dir.encode()]]


def rss_mb(pid):
    return measure.rss_bytes([pid]) / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aurora", required=True)
    ap.add_argument("--services", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--settle", type=float, default=5)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="aurora-adopt-")
    tool = measure.Aurora(work, os.path.abspath(a.aurora), "auroraadopt", "Aurora")
    tool.write(a.services)
    cwd, state = tool.cwd, os.path.join(tool.cwd, ".aurora")
    subprocess.run([tool.binary, "up", "-d", "-f", tool.config], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    measure.wait_until(lambda: len(measure.markers(measure.MARK + "auroraadopt")) >= a.services, 60)
    time.sleep(a.settle)
    daemon = int(open(os.path.join(state, "daemon.pid")).read())
    holder = holders(state)
    print(f"services: {a.services}; daemon RSS {rss_mb(daemon):.1f} MB, holder RSS {rss_mb(holder[0]):.1f} MB, "
          f"together {rss_mb(daemon) + rss_mb(holder[0]):.1f} MB")
    first = {s["name"]: s["pid"] for s in status(tool.binary, cwd)}

    def check(label):
        now = status(tool.binary, cwd)
        assert {s["name"]: s["pid"] for s in now} == first, f"{label}: a pid changed"
        assert all(s["restarts"] == 0 for s in now), f"{label}: a service restarted"
        assert len(measure.markers(measure.MARK + "auroraadopt")) == a.services, f"{label}: duplicate or missing instance"
        assert holders(state) == holder, f"{label}: the holder changed"

    printed, walls = [], []
    for r in range(a.rounds):
        t = time.monotonic()
        out = subprocess.run([tool.binary, "daemon", "restart"], cwd=cwd, capture_output=True, text=True, timeout=120)
        walls.append((time.monotonic() - t) * 1000)
        m = re.search(r"replaced in (\d+) ms", out.stdout)
        assert out.returncode == 0 and m, out.stdout + out.stderr
        printed.append(int(m.group(1)))
        check(f"daemon restart {r + 1}")

    adopts = []
    for r in range(a.rounds):
        pid = int(open(os.path.join(state, "daemon.pid")).read())
        os.kill(pid, signal.SIGKILL)
        measure.wait_until(lambda: not measure.is_alive(pid), 10)
        t = time.monotonic()
        subprocess.run([tool.binary, "up", "-d", "-f", tool.config], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        measure.wait_until(lambda: (s := status(tool.binary, cwd)) is not None and {x["name"]: x["pid"] for x in s} == first, 60, 0.005)
        adopts.append((time.monotonic() - t) * 1000)
        check(f"kill -9 round {r + 1}")

    subprocess.run([tool.binary, "down", "-f", tool.config], cwd=cwd, timeout=120, stdout=subprocess.DEVNULL)
    left = list(measure.markers(measure.MARK + "auroraadopt")) + holders(state)
    q = lambda xs: f"median {statistics.median(xs):.0f} ms, p95 {sorted(xs)[int(len(xs) * 0.95) - 1]:.0f} ms, max {max(xs):.0f} ms"
    print(f"daemon restart x{a.rounds}: handover (printed) {q(printed)}; command wall time {q(walls)}")
    print(f"kill -9 + up -d x{a.rounds}: up -d to all {a.services} adopted {q(adopts)}")
    print(f"duplicates 0, services restarted 0, holder unchanged; after down: {len(left)} process(es) left")
    return 0 if not left else 1


if __name__ == "__main__":
    sys.exit(main())
