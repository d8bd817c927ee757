"""The daemon runs out of file descriptors (ulimit -n 256, then idle connections to its socket)."""
import socket
import time

from support import procs
from support.project import Project
from . import Scenario


def fd_exhaustion(ctx):
    services = "\n".join(f'  s{i}: {{ command: ["sleep", "10000{i}"], restart: {{ policy: always, backoff: {{ initial: 100ms }} }} }}'
                         for i in range(6))
    with Project(ctx.binary, "fds", "version: 1\nservices:\n" + services + "\n") as p:
        p.up(wrapper="ulimit -n 256;")
        before = p.wait_states({"running"}, 20)
        daemon = p.daemon_pid()
        if not before or not daemon:
            return False, "the services never ran"
        held, refused = [], 0
        for _ in range(400):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(2)
            try:
                s.connect(p.path(".aurora", "aurora.sock"))
                held.append(s)
            except OSError:
                refused += 1
                s.close()
        time.sleep(1)
        open_fds = len(__import__("os").listdir(f"/proc/{daemon}/fd")) if procs.alive(daemon) else 0
        victim = before["s0"]["pid"]
        procs.kill(victim)
        time.sleep(3)
        during = [pid for pid, svc in p.tagged().items() if svc == "s0"]
        for s in held:
            s.close()
        alive = procs.alive(daemon)
        after = p.wait_states({"running"}, 30) if alive else None
        detail = (f"{len(held)} idle connections accepted, {refused} refused; daemon at {open_fds} of 256 fds; "
                  f"s0 killed while exhausted: {'restarted' if during else 'not restarted until fds were freed'}; "
                  f"daemon {'alive' if alive else 'DEAD'}; after the connections closed "
                  + (f"all {len(after)} services running and status answers" if after else "NOT all running"))
        return bool(alive and after), detail


# Not in --quick (./test.sh) while it does not hold: the accept loop now outlives EMFILE, but the .NET runtime itself
# fails fast ("Out of memory.") when it needs a descriptor and there is none; the connection budget must stay below
# the descriptor limit first (reported to the lead).
SCENARIOS = [
    Scenario("fd-exhaustion", "with ulimit -n 256 and its socket flooded, the daemon lives; every service runs again "
             "once the connections go", fd_exhaustion),
]
