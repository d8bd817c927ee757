"""What /proc says: a process's RSS, whether it lives, and the processes tagged with a project's AURORA_TAG."""
import os
import signal
import time


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def rss_bytes(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tagged(project_id, service=None):
    """pid → service name, for every live process carrying AURORA_TAG=<project_id>/<service>."""
    prefix = f"AURORA_TAG={project_id}/".encode()
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                env = f.read().split(b"\0")
        except OSError:
            continue
        for v in env:
            if v.startswith(prefix):
                svc = v[len(prefix):].decode(errors="replace")
                if (service is None or svc == service) and alive(int(name)):
                    found[int(name)] = svc
                break
    return found


def kill(pid, sig=signal.SIGKILL):
    try:
        os.kill(pid, sig)
        return True
    except ProcessLookupError:
        return False


def wait_until(predicate, timeout, every=0.05):
    """The predicate's first truthy value, or None at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(every)
