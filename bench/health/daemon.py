#!/usr/bin/env python3
"""The whole daemon under bench/measure.py's "200 services with 1 s tcp health checks" workload, alone:
starts a port farm and `aurora up -d` with 200 services each checked every second, waits --settle
seconds, then prints the daemon's CPU (utime+stime of it and its non-service descendants) over
--seconds, --runs times. Reuses measure.py's config, start-up and clean-up, so the figure is comparable
with its cpu_200_checks; it skips the other tools and workloads.

    bench/health/daemon.py --aurora /path/to/native/aurora [--seconds 30] [--settle 10] [--runs 1]"""
import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import measure  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--aurora", required=True)
ap.add_argument("--seconds", type=float, default=30)
ap.add_argument("--settle", type=float, default=10)
ap.add_argument("--runs", type=int, default=1)
a = ap.parse_args()

measure.become_subreaper()
work = tempfile.mkdtemp(prefix="aurora-health-bench-")
# A name of its own: the clean-up sweeps supervised processes by marker prefix, and must not touch those
# of a bench/run.sh that may be running at the same time.
tool = measure.Aurora(work, os.path.abspath(a.aurora), "aurorahc", "Aurora")
farm = measure.PortFarm(200, work)
try:
    for run in range(a.runs):
        try:
            measure.start(tool, 200, checks_port=farm.ports, timeout=300)
            time.sleep(a.settle)
            cpu = measure.idle_cpu(tool, a.seconds)
            print(f"run {run + 1}: daemon CPU {cpu:.3f}% of one core over {a.seconds:.0f}s", flush=True)
        finally:
            tool.stop_and_sweep()
finally:
    farm.close()
