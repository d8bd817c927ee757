"""kill -9 of the daemon: during a fix, during store commits, during a reload; and re-adoption of the services."""
import json
import random
import signal
import threading
import time

from support import procs
from support.project import Project, restart_block
from . import Scenario


def during_fix(ctx):
    yaml = f"""
        version: 1
        services:
          app:
            command: ["sh", "-c", "test -f healed || {{ echo 'sh: 1: frobnicate: not found' >&2; exit 127; }}; exec sleep 100000"]
            {restart_block(policy="on-failure", count=3, within="60s")}
            fixes:
              - cause: missing_dependency
                run: ["python3", "-c", "import os, time; open('data.txt', 'w').write('changed by the fix'); open('../fix.pid', 'w').write(str(os.getpid())); time.sleep(120)"]
                touches: [data.txt]
        healing: {{ verify_timeout: 60s }}
        """
    with Project(ctx.binary, "fix", yaml, {"data.txt": "original"}) as p:
        p.up()
        changed = procs.wait_until(lambda: p.read("data.txt") == "changed by the fix" and p.read("../fix.pid"), 40)
        if not changed:
            return False, f"the fix never ran (data.txt: {p.read('data.txt')!r})"
        fix_pid = int(p.read("../fix.pid"))
        p.extra_pids.append(fix_pid)
        p.kill_daemon()
        outlived = procs.alive(fix_pid)
        procs.kill(fix_pid)   # what the dead daemon was running: gone with the machine state it left
        p.write("healed", "")  # the service now starts, so no new fix runs after the rollback
        p.up()
        restored = procs.wait_until(lambda: p.read("data.txt") == "original", 20)
        events = p.events()
        rolled = [e for e in events if e["type"] == "fix.rolled_back"]
        detail = (f"data.txt {'restored' if restored else 'NOT restored: ' + repr(p.read('data.txt'))} at the next start; "
                  f"fix.rolled_back {'recorded' if rolled else 'not recorded'}; the fix's own process "
                  f"{'outlived' if outlived else 'died with'} the daemon")
        return bool(restored and rolled), detail


def during_commit(ctx):
    # A service that exits at once and restarts at once: hundreds of events a second, in group commits.
    yaml = f"""
        version: 1
        services:
          flap:
            command: ["sh", "-c", "exit 1"]
            {restart_block(initial="0ms", count=1000000, within="1s")}
          calm:
            command: ["sleep", "100000"]
        """
    with Project(ctx.binary, "commit", yaml) as p:
        p.up()
        seen = {}
        follower = p.aurora.follow()
        try:
            # The window starts once the client sees events (a CLI starting on a loaded machine takes seconds).
            first = follower.next(time.monotonic() + 60)
            if first is not None and "seq" in first:
                seen[first["seq"]] = first["type"]
            deadline = time.monotonic() + (2.0 if ctx.quick else 6.0) * random.uniform(0.8, 1.2)
            while time.monotonic() < deadline:
                e = follower.next(deadline)
                if e is not None and "seq" in e:
                    seen[e["seq"]] = e["type"]
            p.kill_daemon()
            follower.drain(0.5)
            for e in follower.events:
                if "seq" in e:
                    seen[e["seq"]] = e["type"]
        finally:
            follower.close()
        for pid in p.tagged():
            procs.kill(pid)
        integrity, rows = p.db_check()
        stored = {seq: t for seq, t, _ in rows}
        lost = [s for s in seen if stored.get(s) != seen[s]]
        torn = 0
        for _, _, data in rows:
            try:
                json.loads(data)
            except ValueError:
                torn += 1
        top = max(stored) if stored else 0
        p.write("aurora.yaml", "version: 1\nservices:\n  calm:\n    command: [\"sleep\", \"100000\"]\n")
        p.up()
        after = procs.wait_until(lambda: [e["seq"] for e in p.events(after=top)], 30) or []
        next_ok = bool(after) and min(after) == top + 1
        detail = (f"{len(seen)} events seen by a client before the kill, {len(lost)} of them missing from state.db; "
                  f"{len(rows)} rows, integrity_check {integrity}, {torn} rows that do not parse; "
                  f"the next daemon's first seq {min(after) if after else 'none'} after {top}")
        return integrity == "ok" and bool(seen) and not lost and torn == 0 and next_ok, detail


def during_reload(ctx):
    n = 12

    def config(generation, count):
        lines = ["version: 1", "services:"]
        for i in range(count):
            lines += [f"  s{i}:", '    command: ["sleep", "100000"]', f"    env: {{ GENERATION: \"{generation}\" }}"]
        return "\n".join(lines) + "\n"

    rounds = 1 if ctx.quick else 3
    notes = []
    ok = True
    with Project(ctx.binary, "reload", config(0, n)) as p:
        p.up()
        if not p.wait_states({"running"}, 30):
            return False, "the services never all ran"
        for r in range(1, rounds + 1):
            p.write("aurora.yaml", config(r, n + 4 * r))   # every service restarts and four are added
            pid = p.daemon_pid()
            procs.kill(pid, signal.SIGHUP)
            time.sleep(random.uniform(0.005, 0.15))
            p.kill_daemon()
            p.up()
            want = n + 4 * r
            settled = p.wait_states({"running"}, 40)
            counts = {}
            for _, svc in p.tagged().items():
                counts[svc] = counts.get(svc, 0) + 1
            doubles = sorted(s for s, c in counts.items() if c > 1)
            good = bool(settled) and len(settled) == want and not doubles and len(counts) == want
            ok &= good
            notes.append(f"round {r}: {len(settled or {})}/{want} running, {sum(counts.values())} service processes"
                         + (f", doubled: {', '.join(doubles)}" if doubles else ""))
        p.kill_daemon()
        integrity, _ = p.db_check()
        ok &= integrity == "ok"
        p.up()
    return ok, "; ".join(notes) + f"; integrity_check {integrity}"


def adoption(ctx):
    yaml = """
        version: 1
        services:
          a: { command: ["sleep", "100000"] }
          b: { command: ["sleep", "100001"] }
        """
    with Project(ctx.binary, "adopt", yaml) as p:
        p.up()
        before = p.wait_states({"running"}, 20)
        if not before:
            return False, "the services never ran"
        pids = {k: v["pid"] for k, v in before.items()}
        p.kill_daemon()
        kept = all(procs.alive(pid) for pid in pids.values())
        p.up()
        after = p.wait_states({"running"}, 20) or {}
        same = {k: after.get(k, {}).get("pid") == pid for k, pid in pids.items()}
        adopted = [e for e in p.events() if e["type"] == "service.adopted"]
        held = all(same.values()) and len(adopted) >= len(pids)
        detail = (f"after kill -9 the services {'kept running' if kept else 'died'}; after `up -d` "
                  f"{sum(same.values())}/{len(pids)} kept their pids, {len(adopted)} service.adopted events"
                  + ("" if held else " (re-adoption is branch adopt's: pending merge)"))
        return held, detail


SCENARIOS = [
    Scenario("kill9-during-fix", "a fix cut short by kill -9 is rolled back at the next start (files restored, fix.rolled_back)", during_fix),
    Scenario("kill9-during-commit", "no event a client saw is lost, no torn row, integrity ok, seqs continue", during_commit, quick=True),
    Scenario("kill9-during-reload", "the next up runs the new file: every service once, none doubled; integrity ok", during_reload, quick=True),
    Scenario("kill9-adopt", "after kill -9 and up -d the services keep their pids (service.adopted)", adoption),
]
