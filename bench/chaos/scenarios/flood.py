"""10,000 lines a second from one service for a minute."""
import os
import re
import time

from support import procs
from support.project import Project, program, read_progress
from . import Scenario

TICK = re.compile(rb"tick ([0-9]+\.[0-9]+)")


def flood(ctx):
    seconds = 10 if ctx.quick else 60
    with Project(ctx.binary, "flood", "") as p:
        progress = p.path("..", "flood.progress")
        p.write("aurora.yaml", f"""
            version: 1
            services:
              flood:
                command: ["python3", "{program('flood.py')}", "10000", "{seconds}", "{progress}"]
                logs: {{ max_size: 4MiB, keep: 2 }}
              ticker:
                command: ["python3", "-u", "{program('ticker.py')}"]
            """)
        p.up()
        if not p.wait_states({"running"}, 20):
            return False, "the services never ran"
        daemon = p.daemon_pid()
        procs.wait_until(lambda: read_progress(progress), 10)
        time.sleep(1)
        base = procs.rss_bytes(daemon)
        peak = base
        latencies = []
        log = p.path(".aurora", "logs", "ticker.log")
        offset = os.path.getsize(log) if os.path.exists(log) else 0
        start = time.monotonic()
        cpu0 = cpu_ticks(daemon)
        while time.monotonic() - start < seconds:
            peak = max(peak, procs.rss_bytes(daemon))
            with open(log, "rb") as f:
                f.seek(offset)
                chunk = f.read()
            now = time.monotonic()
            complete = chunk[:chunk.rfind(b"\n") + 1]
            offset += len(complete)
            latencies += [now - float(m.group(1)) for m in TICK.finditer(complete)]
            time.sleep(0.02)
        cpu = (cpu_ticks(daemon) - cpu0) / os.sysconf("SC_CLK_TCK") / (time.monotonic() - start) * 100
        t, n = read_progress(progress)
        rate = n / seconds if n else 0
        logs = sum(os.path.getsize(os.path.join(p.path(".aurora", "logs"), f)) for f in os.listdir(p.path(".aurora", "logs"))
                   if f.startswith("flood."))
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("inf")
        growth = (peak - base) / 2**20
        held = growth < 64 and p99 < 500 and rate > 9000 and logs <= 3 * 4 * 2**20 + 2**20
        detail = (f"flood wrote {n:,} lines ({rate:,.0f}/s); daemon RSS {base / 2**20:.1f} → peak {peak / 2**20:.1f} MiB, "
                  f"CPU {cpu:.0f}% of a core; ticker's lines in its log p50 {latencies[len(latencies) // 2] * 1000 if latencies else 0:.0f} ms, "
                  f"p99 {p99:.0f} ms late ({len(latencies)} lines); flood's logs {logs / 2**20:.1f} MiB on disk (max_size 4MiB, keep 2)")
        return held, detail


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


SCENARIOS = [
    Scenario("flood-10k-lines", "10,000 lines/s for a minute: daemon memory grows < 64 MiB, a neighbour's lines "
             "reach its log < 500 ms late (p99), the writer is not slowed, logs stay bounded", flood),
]
