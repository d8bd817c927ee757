#!/usr/bin/env python3
"""Aurora vs supervisord / PM2 / monit on identical workloads; prints one table.

Run through ./bench/run.sh, which installs the peers and builds Aurora first. Every supervised
process is `bash -c 'exec -a abench-TOOL-N sleep 100000'`: the same command for every tool, found
in /proc by its marker argv0. Everything this script starts lives under its work directory (config
dirs, pid files, PM2_HOME) and is stopped by pid, never by name.
"""
import argparse
import ctypes
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
MARK = "abench-"
SLEEP = "100000"


def now():
    return time.perf_counter()


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- reaping

LAUNCHED = set()  # pids of our own launch commands, whose exit status we read ourselves


def become_subreaper():
    """Daemons we launch (monit, supervisord, PM2, Aurora's `up -d`) detach and so are re-parented; so
    are monit's `setsid -f` services. As a child subreaper we get them instead of PID 1, and reap them at
    once, like init on a normal machine (this sandbox's PID 1 leaves zombies around for seconds, and monit
    counts a zombie as running)."""
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    signal.signal(signal.SIGCHLD, lambda *_: reap_orphans())


def reap_orphans():
    for task in os.listdir("/proc/self/task"):
        raw = read(f"/proc/self/task/{task}/children") or b""
        for pid in map(int, raw.split()):
            if pid in LAUNCHED:
                continue
            st = stat_fields(pid)
            if st and st[0] == "Z":
                try:
                    os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    pass


# ---------------------------------------------------------------- /proc helpers

def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def argv0(pid):
    raw = read(f"/proc/{pid}/cmdline")
    if not raw:
        return None
    return raw.split(b"\0", 1)[0].decode("utf-8", "replace")


def all_pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def markers(prefix):
    """pid -> marker argv0 for every supervised process whose argv0 starts with prefix."""
    found = {}
    for pid in all_pids():
        a = argv0(pid)
        if a and a.startswith(prefix) and is_alive(pid):
            found[pid] = a
    return found


def is_alive(pid):
    st = stat_fields(pid)
    return st is not None and st[0] not in ("Z", "X")


def stat_fields(pid):
    """Fields of /proc/PID/stat after the comm: [state, ppid, ...]."""
    raw = read(f"/proc/{pid}/stat")
    if raw is None:
        return None
    return raw[raw.rindex(b")") + 2:].decode().split()


def ppid_map():
    m = {}
    for pid in all_pids():
        st = stat_fields(pid)
        if st:
            m[pid] = int(st[1])
    return m


def tree(root):
    """root and every descendant of it."""
    parents = ppid_map()
    kids = {}
    for p, pp in parents.items():
        kids.setdefault(pp, []).append(p)
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        if p in parents or p == root:
            out.append(p)
            todo.extend(kids.get(p, []))
    return out


def own_processes(roots):
    """The supervisor's own processes: its roots and their descendants, less the supervised markers."""
    pids = set()
    for r in roots:
        pids.update(tree(r))
    return sorted(p for p in pids if is_alive(p) and not (argv0(p) or "").startswith(MARK))


def rss_bytes(pids):
    total = 0
    for p in pids:
        raw = read(f"/proc/{p}/status")
        if raw is None:
            continue
        for line in raw.decode().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def cpu_ticks(pids):
    """utime+stime of the processes plus cutime+cstime (children they reaped, e.g. exec checks)."""
    total = 0
    for p in pids:
        st = stat_fields(p)
        if st:
            total += sum(int(x) for x in st[11:15])
    return total


def wait_until(pred, timeout, step=0.001):
    end = now() + timeout
    while now() < end:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return None


def pid_from_file(path, timeout=15):
    def get():
        raw = read(path)
        try:
            pid = int(raw.split()[0]) if raw else 0
        except ValueError:
            return None
        return pid if pid and is_alive(pid) else None
    return wait_until(get, timeout, 0.01)


def kill_pids(pids, sig=signal.SIGKILL):
    for p in pids:
        try:
            os.kill(p, sig)
        except ProcessLookupError:
            pass


def svc_argv(tool, i):
    return ["bash", "-c", f"exec -a {MARK}{tool}-{i} {'sleep'} {SLEEP}"]


# ---------------------------------------------------------------- tools

class Tool:
    name = "?"
    label = "?"
    kill_gap = 0.15  # pause after a respawn before the next kill

    def __init__(self, work):
        self.dir = os.path.join(work, self.name)
        self.prefix = f"{MARK}{self.name}-"
        self.configs = {}

    def fresh_dir(self, n, checks):
        d = os.path.join(self.dir, f"n{n}{'-checks' if checks else ''}")
        subprocess.run(["rm", "-rf", d], check=True)
        os.makedirs(d)
        return d

    def running_count(self):
        return len(markers(self.prefix))

    def stop(self):
        raise NotImplementedError

    def stop_and_sweep(self):
        try:
            self.stop()
        except Exception as e:  # noqa: BLE001 - cleanup must go on
            log(f"{self.name}: stop failed: {e}")
        # Whatever the tool left behind of ours (monit never stops its services on quit).
        left = markers(self.prefix)
        kill_pids(left)
        for p in getattr(self, "roots", []):
            if is_alive(p):
                kill_pids([p])


class Aurora(Tool):
    def __init__(self, work, binary, name, label):
        self.name = name
        self.label = label
        self.binary = binary
        super().__init__(work)
        self.roots = []

    def write(self, n, checks_port=None):
        d = self.fresh_dir(n, checks_port is not None)
        lines = ["version: 1", "services:"]
        for i in range(1, n + 1):
            argv = json.dumps(svc_argv(self.name, i))
            lines.append(f"  svc-{i}:")
            lines.append(f"    command: {argv}")
            lines.append("    restart: { policy: always, backoff: { initial: 0s }, limit: { count: 100000, within: 1m } }")
            if checks_port:
                lines.append(f"    health: {{ tcp: \"127.0.0.1:{checks_port[(i - 1) % len(checks_port)]}\", interval: 1s }}")
        path = os.path.join(d, "aurora.yaml")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        self.cwd, self.config = d, path
        self.configs[(n, checks_port is not None)] = path
        return path

    def launch(self):
        return subprocess.Popen([self.binary, "up", "-d", "-f", self.config], cwd=self.cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def find_roots(self):
        pid = pid_from_file(os.path.join(self.cwd, ".aurora", "daemon.pid"))
        self.roots = [pid] if pid else []
        return self.roots

    def status_cmd(self):
        return [self.binary, "status"], self.cwd

    def stop(self):
        subprocess.run([self.binary, "down", "-f", self.config], cwd=self.cwd, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Supervisord(Tool):
    name = "supervisord"
    label = "supervisord"

    def write(self, n, checks_port=None):
        d = self.fresh_dir(n, False)
        os.makedirs(os.path.join(d, "logs"))
        conf = [
            "[unix_http_server]", f"file={d}/supervisor.sock", "",
            "[supervisord]", f"logfile={d}/supervisord.log", f"pidfile={d}/supervisord.pid",
            f"childlogdir={d}/logs", "loglevel=warn", "",
            "[rpcinterface:supervisor]",
            "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface", "",
            "[supervisorctl]", f"serverurl=unix://{d}/supervisor.sock", "",
        ]
        for i in range(1, n + 1):
            conf += [
                f"[program:svc-{i}]",
                f"command=bash -c 'exec -a {MARK}{self.name}-{i} sleep {SLEEP}'",
                "autostart=true", "autorestart=true", "startsecs=0", "startretries=100000",
                "redirect_stderr=true", f"stdout_logfile={d}/logs/svc-{i}.log", "",
            ]
        path = os.path.join(d, "supervisord.conf")
        with open(path, "w") as f:
            f.write("\n".join(conf))
        self.cwd, self.config = d, path
        self.configs[(n, False)] = path
        return path

    def launch(self):
        return subprocess.Popen(["supervisord", "-c", self.config], cwd=self.cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def find_roots(self):
        pid = pid_from_file(os.path.join(self.cwd, "supervisord.pid"))
        self.roots = [pid] if pid else []
        return self.roots

    def status_cmd(self):
        return ["supervisorctl", "-c", self.config, "status"], self.cwd

    def stop(self):
        # A graceful shutdown of 200 programs takes supervisord tens of seconds and is not measured:
        # SIGKILL it, then stop_and_sweep kills its programs by their marker.
        kill_pids(self.roots)
        for p in self.roots:
            wait_until(lambda: not is_alive(p), 10, 0.01)


class PM2(Tool):
    name = "pm2"
    label = "PM2"

    def __init__(self, work, pm2):
        super().__init__(work)
        self.pm2 = pm2
        self.roots = []

    def env(self):
        return dict(os.environ, PM2_HOME=os.path.join(self.cwd, "pm2home"), PM2_DISABLE_VERSION_CHECK="true")

    def write(self, n, checks_port=None):
        d = self.fresh_dir(n, False)
        apps = [{
            "name": f"svc-{i}", "script": "bash", "args": svc_argv(self.name, i)[1:], "interpreter": "none",
            "exec_mode": "fork", "autorestart": True, "restart_delay": 0, "min_uptime": 0,
            "max_restarts": 1000000, "watch": False,
            "out_file": f"{d}/logs/svc-{i}.log", "error_file": f"{d}/logs/svc-{i}.log",
        } for i in range(1, n + 1)]
        path = os.path.join(d, "ecosystem.json")
        with open(path, "w") as f:
            json.dump({"apps": apps}, f, indent=1)
        self.cwd, self.config = d, path
        self.configs[(n, False)] = path
        return path

    def launch(self):
        return subprocess.Popen([self.pm2, "start", self.config], cwd=self.cwd, env=self.env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def find_roots(self):
        pid = pid_from_file(os.path.join(self.cwd, "pm2home", "pm2.pid"))
        self.roots = [pid] if pid else []
        return self.roots

    def status_cmd(self):
        return [self.pm2, "status"], self.cwd

    def stop(self):
        subprocess.run([self.pm2, "kill"], cwd=self.cwd, env=self.env(), timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Monit(Tool):
    name = "monit"
    label = "monit"
    # monit confirms a start on its next cycle (1 s); a kill before that leaves it waiting 30 s for the
    # process it just started, so give it its cycle between kills.
    kill_gap = 1.5

    def write(self, n, checks_port=None):
        d = self.fresh_dir(n, False)
        rc = [
            "set daemon 1", f"set pidfile {d}/monit.pid", f"set idfile {d}/monit.id",
            f"set statefile {d}/monit.state", f"set logfile {d}/monit.log",
            f"set httpd unixsocket {d}/monit.sock", "  allow bench:bench", "",
        ]
        for i in range(1, n + 1):
            rc += [
                f"check process svc-{i} matching \"^{MARK}{self.name}-{i} \"",
                f"  start program = \"/usr/bin/setsid -f /bin/bash -c 'exec -a {MARK}{self.name}-{i} sleep {SLEEP}'\"",
                "  stop program = \"/bin/true\"", "",
            ]
        path = os.path.join(d, "monitrc")
        with open(path, "w") as f:
            f.write("\n".join(rc))
        os.chmod(path, 0o600)
        self.cwd, self.config = d, path
        self.configs[(n, False)] = path
        return path

    def launch(self):
        return subprocess.Popen(["monit", "-c", self.config], cwd=self.cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def find_roots(self):
        pid = pid_from_file(os.path.join(self.cwd, "monit.pid"))
        self.roots = [pid] if pid else []
        return self.roots

    def status_cmd(self):
        return ["monit", "-c", self.config, "status"], self.cwd

    def stop(self):
        subprocess.run(["monit", "-c", self.config, "quit"], cwd=self.cwd, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for p in self.roots:
            wait_until(lambda: not is_alive(p), 10, 0.02)


# ---------------------------------------------------------------- workloads

def prestart(tool, n):
    """Starts the n supervised processes the way monit's start program does, before monit runs: monit
    adopts processes by matching, so its steady state (RSS, idle CPU) is the same, without waiting
    minutes for it to start 200 programs one by one."""
    for i in range(1, n + 1):
        subprocess.run(["/usr/bin/setsid", "-f"] + svc_argv(tool.name, i), check=True)
    if not wait_until(lambda: tool.running_count() >= n, 30, 0.01):
        raise RuntimeError(f"{tool.name}: pre-start reached only {tool.running_count()}/{n}")


def start(tool, n, checks_port=None, timeout=120, adopt=False):
    """Launches the tool's daemon; returns seconds from launch to n supervised processes running."""
    tool.write(n, checks_port)
    if adopt:
        prestart(tool, n)
    t0 = now()
    proc = tool.launch()
    LAUNCHED.add(proc.pid)
    up = wait_until(lambda: tool.running_count() >= n, timeout, 0.002)
    elapsed = now() - t0 if up else None
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        err = b""
    LAUNCHED.discard(proc.pid)
    if proc.returncode not in (0, None):
        log(f"{tool.name}: launch exited {proc.returncode}: {err.decode(errors='replace')[-400:]}")
    tool.find_roots()
    if not tool.roots:
        raise RuntimeError(f"{tool.name}: no daemon pid")
    if elapsed is None:
        raise RuntimeError(f"{tool.name}: only {tool.running_count()}/{n} running after {timeout}s")
    return elapsed


def respawn(tool, kills):
    """SIGKILL the one supervised process `kills` times; seconds from the kill to the new pid existing."""
    out = []
    for k in range(kills):
        cur = wait_until(lambda: markers(tool.prefix), 10, 0.005)
        if not cur:
            raise RuntimeError(f"{tool.name}: no supervised process before kill {k}")
        old = next(iter(cur))
        # pid_max is 32768 here and other builds churn pids: a pid seen before the kill may be reused by
        # the new process, so "new" means absent from the previous listing (taken ~1 ms earlier).
        seen = {p for p in os.listdir("/proc") if p.isdigit()}
        seen.discard(str(old))
        pending = {}  # new pid -> when first seen; a fork shows the supervisor's argv until it execs
        t0 = now()
        os.kill(old, signal.SIGKILL)
        new = None
        deadline = t0 + 30
        while new is None and now() < deadline:
            listing = {p for p in os.listdir("/proc") if p.isdigit()}
            for p in listing - seen:
                pending[int(p)] = now()
            seen = listing
            for p, first in list(pending.items()):
                a = argv0(p)  # empty for a moment while the process execs: keep it pending then
                if now() - first > 1.0 or (a is None and not os.path.exists(f"/proc/{p}")):
                    del pending[p]
                elif a is not None and a.startswith(tool.prefix) and p != old:
                    new = p
                    break
            if new is None:
                time.sleep(0.001)
        if new is None:
            raise RuntimeError(f"{tool.name}: no respawn within 30s (kill {k})")
        out.append(now() - t0)
        time.sleep(tool.kill_gap)  # let the supervisor settle before the next kill
    return out


def idle_cpu(tool, window):
    pids = own_processes(tool.roots)
    c0, t0 = cpu_ticks(pids), now()
    time.sleep(window)
    pids = own_processes(tool.roots)
    c1, t1 = cpu_ticks(pids), now()
    return (c1 - c0) / CLK_TCK / (t1 - t0) * 100.0


def run_timed(cmd, cwd, env):
    """Wall time of one run. Popen.wait() without a timeout blocks in waitpid; with one (as
    subprocess.run(timeout=...) does) CPython polls with sleeps of 0.5, 1, 2, 4, 8 ms..., which rounded
    every figure up to those steps (a 10 ms `status` read as 15.5 ms). A timer kills a hung run instead."""
    t0 = now()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killer = threading.Timer(60, p.kill)
    killer.start()
    try:
        p.wait()
    finally:
        killer.cancel()
    return now() - t0


def status_latency(tool, runs):
    cmd, cwd = tool.status_cmd()
    env = tool.env() if isinstance(tool, PM2) else None
    run_timed(cmd, cwd, env)  # warm
    return [run_timed(cmd, cwd, env) for _ in range(runs)]


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


class PortFarm:
    """One process that listens on many loopback ports and accepts and closes every connection:
    the target of Aurora's tcp health checks."""

    def __init__(self, count, work):
        code = (
            "import selectors,socket,sys\n"
            "sel=selectors.DefaultSelector();ports=[]\n"
            f"for _ in range({count}):\n"
            "  s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
            "  s.bind(('127.0.0.1',0));s.listen(64);s.setblocking(False);sel.register(s,selectors.EVENT_READ)\n"
            "  ports.append(s.getsockname()[1])\n"
            "print(' '.join(map(str,ports)),flush=True)\n"
            "while True:\n"
            "  for k,_ in sel.select():\n"
            "    try:\n"
            "      c,_=k.fileobj.accept();c.close()\n"
            "    except OSError: pass\n"
        )
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=work)
        with open(os.path.join(work, "portfarm.pid"), "w") as f:
            f.write(f"{self.proc.pid}\n")
        self.ports = [int(p) for p in self.proc.stdout.readline().split()]

    def close(self):
        self.proc.kill()
        self.proc.wait()


# ---------------------------------------------------------------- the run

def fmt_ms(s):
    return "-" if s is None else (f"{s * 1000:.1f}" if s < 0.1 else f"{s * 1000:.0f}")


def cleanup(work):
    """Stops whatever a run under `work` left behind: the daemons named by its pid files, then every
    supervised process with our marker argv0. Only pids found that way, never by process name."""
    names = {"daemon.pid", "supervisord.pid", "monit.pid", "pm2.pid", "portfarm.pid"}
    daemons = []
    for dirpath, _, files in os.walk(work):
        for fn in files:
            if fn in names:
                raw = read(os.path.join(dirpath, fn)) or b""
                if raw.split() and raw.split()[0].isdigit():
                    daemons.append(int(raw.split()[0]))
    # A pid file can outlive its process: kill only a pid whose command line is still that tool's.
    tags = (b"supervisord", b"monit", b"PM2", b"aurora", b"import selectors")
    live = [p for p in daemons if is_alive(p) and any(t in (read(f"/proc/{p}/cmdline") or b"") for t in tags)]
    kill_pids(live)
    left = markers(MARK)
    kill_pids(left)
    if live or left:
        log(f"cleanup: killed {len(live)} daemon(s) and {len(left)} supervised process(es)")


def main():
    if sys.argv[1:2] == ["--cleanup"]:
        cleanup(sys.argv[2])
        return
    become_subreaper()
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--aurora", required=True, help="the native AOT aurora binary")
    ap.add_argument("--aurora-jit", help="the JIT aurora binary (status latency and RSS only)")
    ap.add_argument("--pm2")
    ap.add_argument("--no-supervisord", action="store_true")
    ap.add_argument("--no-monit", action="store_true")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json-out")
    ap.add_argument("--deadline", type=float, default=1e9, help="skip phases that would start after this many seconds")
    a = ap.parse_args()

    q = a.quick
    kills = 8 if q else 30
    settle = 2 if q else 10
    cpu_window = 10 if q else 60
    status_runs = 10 if q else 20
    params = dict(kills=kills, settle_s=settle, cpu_window_s=cpu_window, status_runs=status_runs)

    aurora = Aurora(a.work, a.aurora, "aurora", "Aurora (AOT)")
    tools = [aurora]
    if not a.no_supervisord:
        tools.append(Supervisord(a.work))
    if a.pm2:
        tools.append(PM2(a.work, a.pm2))
    if not a.no_monit:
        tools.append(Monit(a.work))
    jit = Aurora(a.work, a.aurora_jit, "aurora-jit", "Aurora (JIT)") if a.aurora_jit else None

    results = {t.name: {} for t in tools + ([jit] if jit else [])}
    started = now()
    log(f"workloads: {params}; tools: {', '.join(t.label for t in tools)}{' + Aurora JIT' if jit else ''}")

    def phase(tool, what, fn):
        if now() - started > a.deadline:
            log(f"{tool.name}: {what} skipped (past the {a.deadline:.0f}s time bound)")
            results[tool.name].setdefault("errors", []).append(f"{what}: skipped (time bound)")
            return None
        t0 = now()
        try:
            return fn()
        except Exception as e:  # noqa: BLE001 - one tool's failure must not lose the others' figures
            log(f"{tool.name}: {what} failed: {e}")
            results[tool.name].setdefault("errors", []).append(f"{what}: {e}")
            return None
        finally:
            tool.stop_and_sweep()
            log(f"{tool.name}: {what}: {now() - t0:.1f}s")

    def run_50(tool, r, status=True):
        r["cold_start_50"] = start(tool, 50)
        time.sleep(settle)
        r["rss_50"] = rss_bytes(own_processes(tool.roots))
        r["procs_50"] = len(own_processes(tool.roots))
        if status:
            r["status_50"] = status_latency(tool, status_runs)

    def run_1(tool, r):
        start(tool, 1)
        time.sleep(min(settle, 2))
        r["respawn"] = respawn(tool, kills)
        time.sleep(settle)
        r["rss_1"] = rss_bytes(own_processes(tool.roots))

    def run_200(tool, r, cpu=True):
        start(tool, 200, timeout=300, adopt=isinstance(tool, Monit))
        time.sleep(settle)
        r["rss_200"] = rss_bytes(own_processes(tool.roots))
        if cpu:
            r["cpu_200"] = idle_cpu(tool, cpu_window)

    def run_200_checks(tool, r):
        farm = PortFarm(200, a.work)
        try:
            start(tool, 200, checks_port=farm.ports, timeout=300)
            time.sleep(settle)
            r["rss_200_checks"] = rss_bytes(own_processes(tool.roots))
            r["cpu_200_checks"] = idle_cpu(tool, cpu_window)
        finally:
            tool.stop_and_sweep()
            farm.close()

    for tool in tools:
        r = results[tool.name]
        log(f"{tool.label}: 50 services (cold start, RSS, status)")
        phase(tool, "50 services", lambda: run_50(tool, r))
        log(f"{tool.label}: 1 service (respawn x{kills}, RSS)")
        phase(tool, "respawn", lambda: run_1(tool, r))
        log(f"{tool.label}: 200 services (RSS, idle CPU over {cpu_window}s)")
        phase(tool, "200 services", lambda: run_200(tool, r))
        if tool is aurora:
            log(f"{tool.label}: 200 services with 1s tcp health checks (RSS, idle CPU over {cpu_window}s)")
            phase(tool, "200 with checks", lambda: run_200_checks(tool, r))
    if jit:
        r = results[jit.name]
        log("Aurora (JIT): 50 services (cold start, RSS, status), 1 and 200 services (RSS)")
        phase(jit, "50 services", lambda: run_50(jit, r))
        if not q:
            phase(jit, "200 services", lambda: run_200(jit, r, cpu=False))
            phase(jit, "1 service", lambda: (start(jit, 1), time.sleep(settle), r.__setitem__("rss_1", rss_bytes(own_processes(jit.roots)))))

    log(f"done in {now() - started:.0f}s")
    report(tools, jit, results, params)
    if a.json_out:
        with open(a.json_out, "w") as f:
            json.dump({"params": params, "results": results}, f, indent=1)


def report(tools, jit, results, params):
    print()
    print("## Configs (the same supervised command for every tool; only the marker differs)")
    for t in tools + ([jit] if jit else []):
        for (n, checks), path in sorted(t.configs.items()):
            if n not in (1, 200) or (t is jit):
                continue
            with open(path) as f:
                text = f.read()
            lines = text.splitlines()
            head = {"aurora": 6 if not checks else 7, "supervisord": 24, "pm2": 18, "monit": 11}.get(t.name, 8)
            print(f"\n### {t.label}: {path} ({n} services{', health checks' if checks else ''}, {len(lines)} lines; first {min(head, len(lines))})")
            print("```")
            print("\n".join(lines[:head]))
            print("```")

    aur = results["aurora"]
    peers = [t for t in tools if t.name != "aurora"]

    def cell(v, f):
        return "-" if v is None else f(v)

    rows = []

    def med(key):
        return lambda r: statistics.median(r[key]) if r.get(key) else None

    spec = [
        ("respawn min (ms)", lambda r: min(r["respawn"]) if r.get("respawn") else None, fmt_ms),
        ("respawn median (ms)", med("respawn"), fmt_ms),
        ("respawn p95 (ms)", lambda r: p95(r["respawn"]) if r.get("respawn") else None, fmt_ms),
        ("RSS, 1 service (MB)", lambda r: r.get("rss_1"), lambda v: f"{v / 1e6:.1f}"),
        ("RSS, 50 services (MB)", lambda r: r.get("rss_50"), lambda v: f"{v / 1e6:.1f}"),
        ("RSS, 200 services (MB)", lambda r: r.get("rss_200"), lambda v: f"{v / 1e6:.1f}"),
        (f"idle CPU, 200 services, no checks (% of a core, {params['cpu_window_s']}s)", lambda r: r.get("cpu_200"), lambda v: f"{v:.2f}"),
        ("`status`, 50 services, median (ms)", med("status_50"), fmt_ms),
        ("cold start to 50 running (ms)", lambda r: r.get("cold_start_50"), fmt_ms),
    ]
    header = "| workload | " + " | ".join([tools[0].label] + [p.label for p in peers]) + " | " + " | ".join(f"Aurora/{p.label}" for p in peers) + " |"
    print("\n## Results\n")
    print(header)
    print("|" + "---|" * (1 + len(tools) + len(peers)))
    for name, get, f in spec:
        a_v = get(aur)
        vals = [cell(a_v, f)] + [cell(get(results[p.name]), f) for p in peers]
        ratios = []
        for p in peers:
            p_v = get(results[p.name])
            ratios.append("-" if a_v is None or not p_v else f"{a_v / p_v:.2f}")
        rows.append(f"| {name} | " + " | ".join(vals) + " | " + " | ".join(ratios) + " |")
    print("\n".join(rows))
    print()
    cpu_checks = cell(aur.get("cpu_200_checks"), lambda v: f"{v:.2f}")
    rss_checks = cell(aur.get("rss_200_checks"), lambda v: f"{v / 1e6:.1f}")
    print(f"Aurora with a 1s tcp health check on each of 200 services: idle CPU {cpu_checks} % of a core, RSS {rss_checks} MB")
    if jit:
        j = results[jit.name]
        print("\n## Aurora: native AOT vs JIT\n")
        print("| | AOT | JIT |")
        print("|---|---|---|")
        for name, get, f in [spec[7], spec[8], spec[3], spec[4], spec[5]]:
            print(f"| {name} | {cell(get(aur), f)} | {cell(get(j), f)} |")
    for t in tools + ([jit] if jit else []):
        for e in results[t.name].get("errors", []):
            print(f"note: {t.label}: {e}")
    counted = ", ".join(f"{t.label}: {results[t.name].get('procs_50', '?')}" for t in tools)
    print(f"\nsupervising processes counted (50 services): {counted}")


if __name__ == "__main__":
    main()
