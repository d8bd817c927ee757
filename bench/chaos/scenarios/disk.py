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
    """Where the daemon says it cannot store: its log (on the full disk: the line may be lost), /healthz, `aurora status`."""
    places = []
    log = p.read(".aurora/daemon.log") or ""
    if "full" in log.lower() or "no space" in log.lower():
        places.append("daemon.log")
    status, body = p.api.request("GET", "/healthz")
    if "store" in (body or {}) and "full" in json.dumps(body["store"]).lower():
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
        current = procs.wait_until(lambda: p.status().get("app", {}).get("pid") == new1, 10)
        shown = p.status().get("app", {})
        why = procs.wait_until(lambda: said_why(p), 10) or []
        stored_during = any(e["type"] == "service.started" and e.get("data", {}).get("pid") == new1 for e in p.events())
        os.unlink(filler)
        resumed = procs.wait_until(lambda: next((e for e in p.events() if e["type"] == "store.resumed"), None), 15)
        held_stored = any(e["type"] == "service.started" and e.get("data", {}).get("pid") == new1 for e in p.events())
        old2, new2 = kill_and_wait_restart(p, "app")
        stored_after = procs.wait_until(
            lambda: any(e["type"] == "service.started" and e.get("data", {}).get("pid") == new2 for e in p.events()), 10)
        seqs = [e["seq"] for e in p.events()]
        no_gap = seqs == list(range(seqs[0], seqs[0] + len(seqs))) if seqs else False
        data = (resumed or {}).get("data", {})
        shown_text = ("showed the new pid (from memory)" if current
                      else f"still showed pid {shown.get('pid')} as {shown.get('state')} (stale)")
        detail = (f"disk full: kill -9 of app → {'restarted (pid ' + str(new1) + ')' if new1 else 'NOT restarted'}; "
                  f"`status` {shown_text}; "
                  f"its start {'stored during the outage (?)' if stored_during else 'held, not shown as stored'}; the reason shown in "
                  f"{', '.join(why) if why else 'no place a user can read'}; space freed: "
                  + (f"store.resumed after {data.get('outage_ms')} ms, {data.get('stored')} held events stored, {data.get('dropped')} dropped; "
                     if resumed else "NO store.resumed; ")
                  + f"the held start {'stored' if held_stored else 'NOT stored'}; next kill: {'restarted' if new2 else 'NOT restarted'}, "
                  f"events {'stored again' if stored_after else 'NOT stored'}; seqs {'contiguous' if no_gap else 'with a GAP'} ({len(seqs)} events)")
        return bool(new1 and current and why and not stored_during and resumed and held_stored and new2 and stored_after and no_gap), detail


# Not in --quick (./test.sh): it needs root to mount the tmpfs; StoreOutageTests covers the store in ./test.sh.
SCENARIOS = [
    Scenario("disk-full", "supervision goes on while .aurora/ is full, `status` stays current, the reason is shown; once "
             "there is room every held event is stored (no gap) and storing goes on",
             disk_full, needs_root=True),
]
