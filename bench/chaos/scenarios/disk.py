"""The disk under .aurora/ fills (a 4 MiB tmpfs): supervision goes on, the reason is said, storing resumes."""
import json
import os
import time

from support import procs
from support.project import Project
from . import Scenario


def fill(path):
    written = 0
    with open(path, "wb") as f:
        block = b"\0" * 65536
        try:
            while True:
                f.write(block)
                f.flush()
                written += len(block)
        except OSError:
            pass
    return written


def kill_and_wait_restart(p, name, timeout=15):
    """Kills the service's process; its successor's pid as /proc shows it (`status` may lag, see below)."""
    old = next(iter(p.tagged(name)), None)
    procs.kill(old)
    new = procs.wait_until(lambda: next((pid for pid in p.tagged(name) if pid != old), None), timeout)
    return old, new


def said_why(p):
    """Where the daemon says it cannot store: its log, /healthz, or the API's answers."""
    places = []
    log = p.read(".aurora/daemon.log") or ""
    if "full" in log.lower() or "no space" in log.lower():
        places.append("daemon.log")
    status, body = p.api.request("GET", "/healthz")
    if "full" in json.dumps(body).lower() or "space" in json.dumps(body).lower():
        places.append("/healthz")
    r = p.aurora.run("status", check=False)
    if "full" in (r.stdout + r.stderr).lower():
        places.append("aurora status")
    return places


def disk_full(ctx):
    if os.geteuid() != 0:
        return None, "needs root (mounts a tmpfs on .aurora/)"
    yaml = """
        version: 1
        services:
          app: { command: ["sleep", "100000"], restart: { policy: always, backoff: { initial: 100ms } } }
        """
    with Project(ctx.binary, "disk", yaml) as p:
        p.mount_tmpfs(".aurora", "4m")
        p.up()
        if not p.wait_states({"running"}, 20):
            return False, "the service never ran"
        filler = p.path(".aurora", "filler")
        fill(filler)
        old1, new1 = kill_and_wait_restart(p, "app")
        time.sleep(3)   # the store's retries (5 attempts, 100 ms to 1.6 s apart)
        why = said_why(p)
        shown = p.status().get("app", {})
        stale = shown.get("pid") != new1
        stored_during = any(e["type"] == "service.started" and e.get("data", {}).get("pid") == new1 for e in p.events())
        os.unlink(filler)
        old2, new2 = kill_and_wait_restart(p, "app")
        resumed = procs.wait_until(
            lambda: any(e["type"] == "service.started" and e.get("data", {}).get("pid") == new2 for e in p.events()), 10)
        detail = (f"disk full: kill -9 of app → {'restarted (pid ' + str(new1) + ')' if new1 else 'NOT restarted'}; "
                  f"its start {'stored anyway' if stored_during else 'not stored'}"
                  + (f", and `status` still showed the dead pid {shown.get('pid')} as {shown.get('state')} (snapshots are published "
                     "on commit)" if stale else "") + "; the reason shown in "
                  f"{', '.join(why) if why else 'no place a user can read (stderr goes to daemon.log, on the full disk)'}; "
                  f"space freed: {'restarted' if new2 else 'NOT restarted'}, events {'stored again' if resumed else 'NOT stored'}")
        return bool(new1 and new2 and resumed and why), detail


# Not in --quick (./test.sh): whether the reason reaches daemon.log depends on the bytes left on the full disk, and
# in one run of four under load the store had not stored again 10 s after space was freed (reported to the lead).
SCENARIOS = [
    Scenario("disk-full", "supervision goes on while .aurora/ is full, the reason is shown, storing resumes after",
             disk_full, needs_root=True),
]
