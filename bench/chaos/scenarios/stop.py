"""SIGSTOP of the daemon: what its services do while nobody reads their output."""
import signal
import time

from support import procs
from support.project import Project, program, read_progress
from . import Scenario


def sigstop(ctx):
    seconds = 5 if ctx.quick else 30
    with Project(ctx.binary, "stop", "") as p:
        progress = p.path("..", "flood.progress")
        p.write("aurora.yaml", f"""
            version: 1
            services:
              flood:
                command: ["python3", "{program('flood.py')}", "10000", "0", "{progress}"]
              calm:
                command: ["sleep", "100000"]
            """)
        p.up()
        before = p.wait_states({"running"}, 20)
        if not before or not procs.wait_until(lambda: read_progress(progress), 10):
            return False, "the services never ran"
        time.sleep(1)
        daemon = p.daemon_pid()
        procs.kill(daemon, signal.SIGSTOP)
        stopped_at = time.monotonic()
        _, lines_at_stop = read_progress(progress)
        try:
            samples = []
            while time.monotonic() - stopped_at < seconds:
                samples.append(read_progress(progress))
                time.sleep(0.05)
        finally:
            procs.kill(daemon, signal.SIGCONT)
        resumed_at = time.monotonic()
        last_t, last_n = max(samples)
        blocked_ms = (last_t - stopped_at) * 1000
        moving = procs.wait_until(lambda: (r := read_progress(progress)) and r[0] > resumed_at and r, 10)
        after = p.wait_states({"running"}, 10) or {}
        same = all(after.get(k, {}).get("pid") == v["pid"] for k, v in before.items())
        blocked = blocked_ms < seconds * 1000 - 500
        detail = (f"flood (10,000 lines/s) {'blocked on its full stdout pipe' if blocked else 'never blocked'} "
                  f"{blocked_ms:.0f} ms into the {seconds} s stop, after {last_n - lines_at_stop} more lines "
                  f"(~{(last_n - lines_at_stop) * 65 // 1024} KiB); "
                  + (f"writing again {(moving[0] - resumed_at) * 1000:.0f} ms after SIGCONT; " if moving else "never wrote again; ")
                  + f"pids {'unchanged (both services)' if same else 'CHANGED'}")
        return bool(moving) and same, detail


SCENARIOS = [
    Scenario("sigstop-daemon", "services keep running (same pids) through a stopped daemon and go on after SIGCONT; "
             "a 10k lines/s writer blocks on its full pipe (measured)", sigstop, quick=True),
]
