"""The daemon runs out of file descriptors (ulimit -n 256, then idle connections to its socket)."""
import os
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
        open_fds = len(os.listdir(f"/proc/{daemon}/fd")) if procs.alive(daemon) else 0
        answer = ask_health(p.path(".aurora", "aurora.sock"))
        victim = before["s0"]["pid"]
        procs.kill(victim)
        during = procs.wait_until(lambda: [pid for pid, svc in p.tagged().items() if svc == "s0" and pid != victim], 10)
        for s in held:
            s.close()
        alive = procs.alive(daemon)
        after = p.wait_states({"running"}, 30) if alive else None
        refused_clearly = "503" in answer.split("\r\n", 1)[0] and "out_of_descriptors" in answer
        detail = (f"{len(held)} idle connections accepted, {refused} refused; daemon at {open_fds} of 256 fds; "
                  f"a new request: {answer.splitlines()[0] if answer else 'closed without an answer'}"
                  f"{' (out_of_descriptors)' if refused_clearly else ''}; "
                  f"s0 killed while exhausted: {'restarted' if during else 'not restarted until fds were freed'}; "
                  f"daemon {'alive' if alive else 'DEAD'}; after the connections closed "
                  + (f"all {len(after)} services running and status answers" if after else "NOT all running"))
        return bool(alive and after and during and refused_clearly), detail


def ask_health(path):
    """GET /healthz on a new connection: the raw answer ('' when closed without one)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    try:
        s.connect(path)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        chunks = []
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks).decode(errors="replace")
    except OSError:
        return ""
    finally:
        s.close()


# Not in --quick (./test.sh): DescriptorExhaustionTests runs the same under `ulimit -n 256` there.
SCENARIOS = [
    Scenario("fd-exhaustion", "with ulimit -n 256 and its socket flooded, the daemon lives, refuses new requests with 503 "
             "out_of_descriptors, restarts a killed service; every service runs again once the connections go", fd_exhaustion),
]
