"""Drives the `aurora` CLI for one project: up -d, the event stream (events --json -f), status, history, down."""
import json
import os
import queue
import signal
import subprocess
import threading
import time


class Aurora:
    def __init__(self, binary, project):
        self.binary = binary
        self.project = project
        self.env = dict(os.environ, NO_COLOR="1")

    def run(self, *args, timeout=60, check=True):
        r = subprocess.run([self.binary, *args], cwd=self.project, env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and r.returncode != 0:
            raise RuntimeError(f"aurora {' '.join(args)} exited {r.returncode}: {(r.stderr or r.stdout).strip()[-600:]}")
        return r

    def up(self):
        self.run("up", "-d", timeout=120)

    def down(self):
        try:
            return self.run("down", timeout=60, check=False).returncode in (0, 3)  # 3: no daemon (already down)
        except subprocess.TimeoutExpired:
            return False

    def status(self):
        r = self.run("status", "--json", check=False)
        return {s["name"]: s for s in json.loads(r.stdout)["services"]} if r.returncode == 0 else {}

    def history(self, service):
        r = self.run("history", "--service", service, "--json", check=False)
        return json.loads(r.stdout).get("incidents", []) if r.returncode == 0 else []

    def follow(self):
        return EventFollower(self)


class EventFollower:
    """`aurora events --json -f` in the background: every event, in order, through a queue."""

    def __init__(self, aurora):
        self.events = []
        self._queue = queue.Queue()
        self._process = subprocess.Popen([aurora.binary, "events", "--json", "-f"], cwd=aurora.project, env=aurora.env,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self._process.stdout:
            line = line.strip()
            if line.startswith("{"):
                try:
                    self._queue.put(json.loads(line))
                except json.JSONDecodeError:
                    pass
        self._queue.put(None)

    def next(self, deadline):
        """The next event, or None at the deadline (or when the stream ended)."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            e = self._queue.get(timeout=remaining)
        except queue.Empty:
            return None
        if e is not None:
            self.events.append(e)
        return e

    def until(self, event_type, deadline):
        """Reads events up to the first of this type (kept in `events`, as every event read); False at the deadline."""
        while True:
            e = self.next(deadline)
            if e is None:
                return False
            if e["type"] == event_type:
                return True

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while self.next(deadline) is not None:
            pass

    def close(self):
        if self._process.poll() is None:
            try:
                os.killpg(self._process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
