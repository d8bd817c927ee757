"""Issue 17's round test: rounds of kill -9 of the daemon + `aurora up -d` with a few services, one printing a line
every 10 ms. Must hold: 0 duplicate instances, 0 orphans, 0 services restarted, every line logged once and in order.
Reports the handover time per round (from the kill to every service adopted, as `status` shows it)."""
import os
import statistics
import time

from support import procs
from support.project import Project
from . import Scenario

PRINTER = ("import itertools, time\\n"
           "for i in itertools.count():\\n"
           "    print(i, flush=True)\\n"
           "    time.sleep(0.01)")


def holders(state_dir):
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/cmdline", "rb") as f:
                    argv = f.read().rstrip(b"\0").split(b"\0")
            except OSError:
                continue
            if len(argv) >= 2 and argv[-2] == b"holder" and argv[-1].decode(errors="replace") == state_dir and procs.alive(int(name)):
                found.append(int(name))
    return found


def rounds(ctx):
    n = 10 if ctx.quick else 100
    yaml = f"""
        version: 1
        services:
          a: {{ command: ["sleep", "100000"] }}
          b: {{ command: ["sleep", "100001"] }}
          printer:
            command: ["python3", "-u", "-c", "{PRINTER}"]
        """
    with Project(ctx.binary, "rounds", yaml) as p:
        p.up()
        first = p.wait_states({"running"}, 30)
        if not first:
            return False, "the services never ran"
        pids = {k: v["pid"] for k, v in first.items()}
        state_dir = p.path(".aurora")
        held = holders(state_dir)
        handovers, ups, problems = [], [], []
        for r in range(1, n + 1):
            started = time.monotonic()
            p.kill_daemon()
            before_up = time.monotonic()
            p.up()
            ups.append(time.monotonic() - before_up)
            now = p.wait_states({"running"}, 30)
            handovers.append(time.monotonic() - started)
            if not now:
                problems.append(f"round {r}: not every service running again")
                break
            moved = sorted(k for k, pid in pids.items() if now.get(k, {}).get("pid") != pid)
            restarted = sorted(k for k, v in now.items() if v.get("restarts", 0) != 0)
            tagged = p.tagged()
            counts = {}
            for svc in tagged.values():
                counts[svc] = counts.get(svc, 0) + 1
            doubles = sorted(s for s, c in counts.items() if c > 1)
            orphans = sorted(pid for pid in tagged if pid not in pids.values())
            hs = holders(state_dir)
            if moved or restarted or doubles or orphans or hs != held:
                problems.append(f"round {r}: new pid {moved}, restarted {restarted}, doubled {doubles}, orphans {orphans}, holders {hs} (was {held})")
                break
        time.sleep(0.2)  # a few more lines after the last round
        p.aurora.run("down", timeout=60)
        left = p.tagged()
        with open(p.path(".aurora", "logs", "printer.log")) as f:
            numbers = [int(line) for line in f.read().split("\n") if line[:1].isdigit()]
        in_order = numbers == list(range(len(numbers)))
        missing = len(numbers) and (numbers[-1] + 1 - len(set(numbers)))
        dupes = len(numbers) - len(set(numbers))
        detail = (f"{len(handovers)}/{n} rounds; handover (kill to all adopted, via status) median "
                  f"{statistics.median(handovers) * 1000:.0f} ms, max {max(handovers) * 1000:.0f} ms; `up -d` median "
                  f"{statistics.median(ups) * 1000:.0f} ms; {len(numbers)} lines logged, "
                  f"{'once each and in order' if in_order else f'{dupes} repeated, {missing} missing, out of order'}; "
                  f"{len(left)} tagged processes after down"
                  + ("; " + "; ".join(problems) if problems else ""))
        return not problems and in_order and len(handovers) == n and not left and len(numbers) > 0, detail


SCENARIOS = [
    Scenario("kill9-rounds", "100 rounds of kill -9 + up -d: 0 duplicates, 0 orphans, 0 restarts, every line once and in order",
             rounds, limit_s=1800),
]
