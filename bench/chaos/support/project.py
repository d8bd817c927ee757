"""A throwaway project for one scenario: its aurora.yaml and files, the daemon driven through the CLI (the corpus
harness's Aurora) and the API, and a teardown that leaves nothing behind: `aurora down`, then SIGKILL to the daemon
and every process tagged with this project, then the mounts, then the directory."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "corpus"))

from harness.aurora import Aurora  # noqa: E402
from harness.workspace import project_id  # noqa: E402

from . import procs  # noqa: E402
from .api import Api  # noqa: E402


class Project:
    def __init__(self, binary, name, yaml, files=None):
        self.root = tempfile.mkdtemp(prefix=f"aurora-chaos-{name}-")
        os.chmod(self.root, 0o755)
        self.dir = os.path.join(self.root, "project")
        os.makedirs(self.dir)
        self.id = project_id(self.dir)
        self.aurora = Aurora(binary, self.dir)
        self.api = Api(os.path.join(self.dir, ".aurora", "aurora.sock"))
        self.mounts = []
        self.extra_pids = []   # processes the scenario knows outlive the daemon (a fix's command)
        self.write("aurora.yaml", yaml)
        for path, content in (files or {}).items():
            self.write(path, content)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, relative, content, mode=None):
        full = self.path(relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(textwrap.dedent(content).lstrip("\n"))
        if mode is not None:
            os.chmod(full, mode)

    def read(self, relative):
        try:
            with open(self.path(relative)) as f:
                return f.read()
        except OSError:
            return None

    # -- the daemon -----------------------------------------------------------------------------------

    def up(self, env=None, wrapper=None):
        """`aurora up -d`; wrapper: a shell prefix run in front of it (`ulimit -n 96;`)."""
        if wrapper:
            r = subprocess.run(["sh", "-c", f'{wrapper} exec "$0" up -d', self.aurora.binary], cwd=self.dir,
                               env=dict(self.aurora.env, **(env or {})), capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                raise RuntimeError(f"aurora up -d exited {r.returncode}: {(r.stderr or r.stdout).strip()[-600:]}")
        else:
            self.aurora.run("up", "-d", timeout=120)

    def daemon_pid(self):
        try:
            with open(self.path(".aurora", "daemon.pid")) as f:
                pid = int(f.read().split()[0])
            return pid if procs.alive(pid) else None
        except (OSError, ValueError, IndexError):
            return None

    def status(self):
        return self.aurora.status()

    def wait_states(self, wanted, timeout, names=None):
        """The status once every service (or the named ones) is in one of the wanted states, else None."""
        def settled():
            s = self.status()
            chosen = [v for k, v in s.items() if names is None or k in names]
            return s if chosen and all(v["state"] in wanted for v in chosen) and (names is None or len(chosen) == len(names)) else None
        return procs.wait_until(settled, timeout, every=0.2)

    def events(self, after=0, limit=10000):
        status, body = self.api.request("GET", f"/api/v1/events?after={after}&limit={limit}")
        if status != 200:
            return []
        return body.get("events", body) if isinstance(body, dict) else body

    def kill_daemon(self):
        pid = self.daemon_pid()
        if pid:
            procs.kill(pid, signal.SIGKILL)
            procs.wait_until(lambda: not procs.alive(pid), 5)
        self.api.close()
        return pid

    def tagged(self, service=None):
        return procs.tagged(self.id, service)

    def mount_tmpfs(self, relative, size):
        target = self.path(relative)
        os.makedirs(target, mode=0o700, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", target], check=True)
        self.mounts.append(target)

    def db_check(self):
        """(integrity_check result, [(seq, type, data)]) of .aurora/state.db, read while no daemon runs."""
        db = sqlite3.connect(self.path(".aurora", "state.db"), timeout=5)
        try:
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            rows = db.execute("SELECT seq, type, data FROM events ORDER BY seq").fetchall()
            return integrity, rows
        finally:
            db.close()

    # -- teardown -------------------------------------------------------------------------------------

    def close(self, keep=False):
        self.api.close()
        down_ok = False
        if self.daemon_pid():
            try:
                down_ok = self.aurora.run("down", timeout=60, check=False).returncode in (0, 3)
            except subprocess.TimeoutExpired:
                down_ok = False
        if not down_ok:
            self.kill_daemon()
        for pid in list(self.tagged()) + self.extra_pids:
            procs.kill(pid)
        for target in reversed(self.mounts):
            subprocess.run(["umount", "-l", target], check=False)
        if not keep:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def restart_block(initial="100ms", policy="always", count=1000, within="1s"):
    return f"restart: {{ policy: {policy}, backoff: {{ initial: {initial}, max: 1s }}, limit: {{ count: {count}, within: {within} }} }}"


def monotonic_ms():
    return time.monotonic() * 1000


PROGRAMS = os.path.join(HERE, "programs")


def program(name):
    return os.path.join(PROGRAMS, name)


def read_progress(path):
    """(monotonic time, lines) from a flood.py progress file, or None before its first batch."""
    try:
        with open(path) as f:
            t, n = f.read().split()
        return float(t), int(n)
    except (OSError, ValueError):
        return None
