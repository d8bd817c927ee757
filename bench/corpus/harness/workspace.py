"""Where a case runs: a temp root holding the project (a copy of the case) and an "outside" directory that no
fix may touch, plus everything the case's setup started or mounted, undone in reverse at the end."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(HERE, "tools")


def project_id(project):
    """Aurora's project id: FNV-1a 64 of the project directory's full path, first 12 hex digits (StableHash)."""
    h = 14695981039346656037
    for b in os.path.abspath(project).encode():
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return f"{h:016x}"[:12]


class Workspace:
    def __init__(self, case):
        self.case = case
        self.root = tempfile.mkdtemp(prefix=f"aurora-corpus-{case.name[:2]}-")
        # Services may run as nobody (setpriv): the tree must be readable by them.
        os.chmod(self.root, 0o755)
        self.project = os.path.join(self.root, "project")
        self.outside = os.path.join(self.root, "outside")
        self.cgroup = None
        self.holders = []          # (name, Popen, signal log, foreign)
        self.started = []          # other processes to stop at the end
        self.mounts = []
        self.placeholders = {}

    # -- creation -------------------------------------------------------------------------------------

    def create(self):
        ignore = shutil.ignore_patterns("expect.json", "outside", "__pycache__", "node_modules")
        shutil.copytree(self.case.directory, self.project, symlinks=True, ignore=ignore)
        source_outside = os.path.join(self.case.directory, "outside")
        if os.path.isdir(source_outside):
            shutil.copytree(source_outside, self.outside, symlinks=True)
        else:
            os.makedirs(self.outside)
        with open(os.path.join(self.outside, "README"), "w") as f:
            f.write("Files outside the project: no fix may change them.\n")
        self.placeholders = {"@PROJECT@": self.project, "@OUTSIDE@": self.outside, "@TOOLS@": TOOLS}
        for action in self.case.setup:
            if "cgroup" in action:
                self.cgroup = self._make_cgroup(action["limit"])
                self.placeholders["@CGROUP@"] = self.cgroup
        for top in (self.project, self.outside):
            self._substitute(top)

    def _substitute(self, top):
        for root, _, names in os.walk(top):
            for n in names:
                path = os.path.join(root, n)
                if os.path.islink(path) or os.path.getsize(path) > 1 << 20:
                    continue
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except UnicodeDecodeError:
                    continue
                new = self.expand(text)
                if new != text:
                    mode = os.stat(path).st_mode
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(new)
                    os.chmod(path, mode)

    def expand(self, text):
        for key, value in self.placeholders.items():
            text = text.replace(key, value)
        return text

    # -- setup actions --------------------------------------------------------------------------------

    def run_actions(self, actions):
        for action in actions:
            if "hold" in action:
                self.hold(action["hold"], foreign=True)
            elif "stale" in action:
                self.hold(action["stale"], foreign=False, tag=f"{project_id(self.project)}/{action.get('service', 'app')}")
            elif "serve" in action:
                self.serve(action["serve"], action.get("kind", "tcp"))
            elif "run" in action:
                self.sh(action["run"])
            elif "tmpfs" in action:
                target = os.path.join(self.project, action["tmpfs"])
                os.makedirs(target, exist_ok=True)
                subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={action.get('size', '512k')}", "tmpfs", target], check=True)
                self.mounts.append(target)
            elif "wheel" in action:
                w = action["wheel"]
                subprocess.run([sys.executable, os.path.join(TOOLS, "mkwheel.py"), os.path.join(self.project, w["from"]),
                                w["name"], w["version"], os.path.join(self.project, w.get("into", "vendor"))],
                               check=True, stdout=subprocess.DEVNULL)
            elif "cgroup" in action:
                pass  # made in create(), so that @CGROUP@ is known when files are written
            else:
                raise ValueError(f"{self.case.name}: unknown setup action {action}")

    def sh(self, command):
        env = dict(os.environ, PROJECT=self.project, OUTSIDE=self.outside)
        r = subprocess.run(["sh", "-c", self.expand(command)], cwd=self.project, env=env, capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f"{self.case.name}: setup `{command}` failed ({r.returncode}): {r.stderr.strip()[-400:]}")

    def hold(self, address, foreign, tag=None):
        host, port = split(address)
        log = os.path.join(self.root, f"holder-{port}.signals")
        env = dict(os.environ)
        if tag:
            env["AURORA_TAG"] = tag
        args = [sys.executable, os.path.join(TOOLS, "holder.py"), host, str(port), log] + ([] if foreign else ["--stale"])
        p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                             cwd=self.outside if foreign else self.project, start_new_session=True)
        line = p.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"{self.case.name}: the holder of {address} did not start: {line}")
        self.holders.append((address, p, log, foreign))

    def serve(self, address, kind):
        """Brings a dependency up (a release step): redis, an HTTP server, or a bare TCP listener."""
        host, port = split(address)
        if kind == "redis":
            args = ["redis-server", "--port", str(port), "--bind", host, "--save", "", "--appendonly", "no", "--dir", self.root]
        elif kind == "http":
            args = [sys.executable, "-m", "http.server", str(port), "--bind", host]
        else:
            args = [sys.executable, os.path.join(TOOLS, "holder.py"), host, str(port), os.path.join(self.root, f"dep-{port}.signals"), "--accept"]
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.root, start_new_session=True)
        self.started.append(p)
        wait_listening(host, port, 10)

    def _make_cgroup(self, limit):
        base = "/sys/fs/cgroup/memory"
        if not os.path.isdir(base):
            raise RuntimeError("no cgroup v1 memory controller at /sys/fs/cgroup/memory")
        path = os.path.join(base, os.path.basename(self.root))
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "memory.limit_in_bytes"), "w") as f:
            f.write(str(parse_size(limit)))
        return path

    # -- teardown -------------------------------------------------------------------------------------

    def kill_leftovers(self):
        """After a failed `aurora down`: the daemon (its pid file) and every process tagged with this project."""
        try:
            with open(os.path.join(self.project, ".aurora", "daemon.pid")) as f:
                os.kill(int(f.read().split()[0]), signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass
        prefix = f"AURORA_TAG={project_id(self.project)}/".encode()
        for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if any(v.startswith(prefix) for v in f.read().split(b"\0")):
                        os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def close(self, keep=False):
        for _, p, _, _ in self.holders:
            stop(p)
        for p in self.started:
            stop(p)
        for target in reversed(self.mounts):
            subprocess.run(["umount", "-l", target], check=False)
        if self.cgroup:
            for _ in range(50):
                try:
                    os.rmdir(self.cgroup)
                    break
                except OSError:
                    time.sleep(0.1)
        if not keep:
            shutil.rmtree(self.root, ignore_errors=True)


def split(address):
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)


def parse_size(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    return int(text[:-1]) * units[text[-1].lower()] if text[-1].lower() in units else int(text)


def wait_listening(host, port, seconds):
    import socket
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {host}:{port} after {seconds}s")


def stop(p):
    """Stops a process this harness started (its own session), SIGKILL after a grace."""
    if p.poll() is not None:
        return
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
