"""A fork loop inside one service, against `limits.pids`."""
import os
import signal
import time

from support import procs
from support.project import Project, program
from . import Scenario

LIMIT = 32
CAP = 300      # forker.py's own brake
SAFETY = 400   # never reached (the brake); if it were, the harness kills the group itself


def fork_loop(ctx):
    yaml = f"""
        version: 1
        services:
          forker:
            command: ["python3", "{program('forker.py')}", "{CAP}"]
            limits: {{ pids: {LIMIT} }}
            restart: {{ policy: never }}
        """
    with Project(ctx.binary, "forks", yaml) as p:
        try:
            p.up()
        except RuntimeError as e:
            # A build that does not know the key refuses the file, so the loop never runs unbounded.
            refusal = str(e).split(": ", 1)[-1].splitlines()[0]
            return False, f"this build refuses the config ({refusal}): limits.pids is branch guard's, pending merge"
        peak, over_after_event, event_at = 0, 0, None
        follower = p.aurora.follow()
        try:
            deadline = time.monotonic() + 8
            exceeded = []
            while time.monotonic() < deadline:
                e = follower.next(time.monotonic() + 0.1)
                if e and e.get("type") == "resource.exceeded" and e.get("data", {}).get("resource") == "pids":
                    exceeded.append(e)
                    event_at = event_at or time.monotonic()
                n = len(p.tagged("forker"))
                peak = max(peak, n)
                if event_at and time.monotonic() - event_at > 2:
                    over_after_event = max(over_after_event, n - LIMIT)
                if n > SAFETY:
                    for pid in p.tagged("forker"):
                        procs.kill(pid, signal.SIGKILL)
        finally:
            follower.close()
        warned = "limits" in (p.aurora.run("validate", check=False).stderr or "")
        held = bool(exceeded) and over_after_event <= 0
        detail = (f"the tree peaked at {peak} processes (limit {LIMIT}, the program's own brake {CAP}); "
                  f"resource.exceeded {{resource: pids}}: {'yes' if exceeded else 'none'}"
                  + ("" if held else "; limits.pids is not enforced on this build"
                     + (" (validate warns so)" if warned else "") + ": pending branch guard"))
        return held, detail


SCENARIOS = [
    Scenario("fork-loop-pids", f"a fork loop in one service is held to limits.pids ({LIMIT}): resource.exceeded "
             "{resource: pids}, the tree back under the limit within 2 s", fork_loop),
]
