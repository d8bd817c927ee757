"""A service that closes its stdout (and stderr) early: still running, still stoppable."""
import time

from support import procs
from support.project import Project, program
from . import Scenario


def closes_stdout(ctx):
    yaml = f"""
        version: 1
        services:
          both: {{ command: ["python3", "{program('closer.py')}", "both"] }}
          out: {{ command: ["python3", "{program('closer.py')}", "out"] }}
        """
    with Project(ctx.binary, "stdout", yaml) as p:
        p.up()
        before = p.wait_states({"running"}, 20)
        if not before:
            return False, "the services never ran"
        time.sleep(3)
        after = p.status()
        same = {k: after.get(k, {}).get("pid") == v["pid"] and after[k]["state"] == "running" for k, v in before.items()}
        exits = [e for e in p.events() if e["type"] == "service.exited"]
        log = p.read(".aurora/logs/out.log") or ""
        p.aurora.run("stop", "both", "out", timeout=30, check=False)
        gone = procs.wait_until(lambda: not any(procs.alive(v["pid"]) for v in before.values()), 15)
        stopped = p.wait_states({"stopped"}, 5)
        held = all(same.values()) and not exits and bool(gone) and bool(stopped)
        detail = (f"3 s after closing: {sum(same.values())}/2 still running with their pids, {len(exits)} service.exited; "
                  f"stderr still logged: {'yes' if 'still here' in log else 'no'}; "
                  f"`aurora stop`: {'both stopped, pids gone' if gone and stopped else 'NOT stopped'}")
        return held, detail


SCENARIOS = [
    Scenario("stdout-closed-early", "a service that closes stdout/stderr stays running (no exit seen), and stops on "
             "`aurora stop`", closes_stdout, quick=True),
]
