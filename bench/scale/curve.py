#!/usr/bin/env python3
"""The scale curve (issue 16): Aurora beside supervisord, PM2 and monit at 1 / 50 / 200 / 1,000 services.

For each tool and size: cold start to N running, RSS of everything the tool runs (less the supervised
processes) after a settle period, `status` latency, idle CPU over a window; for Aurora the idle CPU and
RSS with resource sampling at 1 s and with it off, and 200 services with a 1 s tcp check each on top of
sampling. The cost of an extra service is the least-squares slope of RSS over N. The workload and the
tools are bench/measure.py's (imported from there): every supervised process is
`bash -c 'exec -a abench-TOOL-N sleep 100000'`.

    bench/run.sh --scale [--quick]        (installs the peers and publishes Aurora first)
    bench/scale/curve.py --work DIR --aurora BIN [--pm2 BIN] [--sizes 1,50,200,1000] [--cpu-window 60]
"""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import measure as m  # noqa: E402  (bench/measure.py: the tools, the workload, the /proc helpers)


# ---------------------------------------------------------------- what "everything Aurora runs" is

def aurora_processes(binary, project, daemon_roots):
    """The daemon's tree (less the supervised processes) plus every other process running Aurora's binary for
    this project: one whose executable is the binary (or the aurora-holder or aurora-daemon beside it) and whose working directory is the
    project or whose arguments name a path inside it (the per-project `aurora holder STATE_DIR`, which the daemon starts
    detached, so it is not in the daemon's tree)."""
    pids = set(m.own_processes(daemon_roots))
    exe = os.path.realpath(binary)
    # The holder and the detached daemon are small executables of their own beside the binary (src/Aurora.Holder,
    # src/Aurora.DaemonBin), when they were built there.
    exes = {exe} | {os.path.join(os.path.dirname(exe), name) for name in ("aurora-holder", "aurora-daemon")}
    project = os.path.realpath(project)
    inside = project + os.sep
    for pid in m.all_pids():
        try:
            if os.readlink(f"/proc/{pid}/exe") not in exes:
                continue
            cwd = os.path.realpath(os.readlink(f"/proc/{pid}/cwd"))
        except OSError:
            continue
        args = (m.read(f"/proc/{pid}/cmdline") or b"").decode("utf-8", "replace").split("\0")[1:]
        if cwd == project or any(a == project or a.startswith(inside) for a in args):
            if m.is_alive(pid) and not (m.argv0(pid) or "").startswith(m.MARK):
                pids.add(pid)
    return sorted(pids)


class Aurora(m.Aurora):
    """measure.py's Aurora with `monitor.sample_interval` set (1s, the default, or off)."""

    sampling = "1s"

    def write(self, n, checks_port=None):
        path = super().write(n, checks_port)
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace("version: 1\n", f"version: 1\nmonitor: {{ sample_interval: {self.sampling} }}\n", 1))
        # A config the binary refuses would leave start() waiting out its whole timeout: fail at once instead.
        check = m.subprocess.run([self.binary, "validate", "-f", path], cwd=self.cwd, capture_output=True, text=True, timeout=60)
        if check.returncode != 0:
            raise RuntimeError(f"aurora validate: {(check.stdout + check.stderr).strip()[-300:]}")
        return path

    def processes(self):
        return aurora_processes(self.binary, self.cwd, self.roots)


class Supervisord(m.Supervisord):
    """supervisord needs more descriptors than its default minfds (1024) for 1,000 programs' pipes and logs."""

    def write(self, n, checks_port=None):
        path = super().write(n, checks_port)
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace("[supervisord]\n", "[supervisord]\nminfds=8192\nminprocs=4096\n", 1))
        return path


class Monit(m.Monit):
    def status_cmd(self):
        # The peer: `monit summary` (one line a service), not the long `monit status`.
        return ["monit", "-c", self.config, "summary"], self.cwd


def processes(tool):
    return tool.processes() if isinstance(tool, Aurora) else m.own_processes(tool.roots)


# ---------------------------------------------------------------- the run

def slope(points):
    """Least-squares slope of y over x (bytes per service), None with fewer than two sizes."""
    if len(points) < 2:
        return None
    xs, ys = zip(*points)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def main():
    m.become_subreaper()
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--aurora", required=True, help="the native AOT aurora binary")
    ap.add_argument("--pm2")
    ap.add_argument("--no-supervisord", action="store_true")
    ap.add_argument("--no-monit", action="store_true")
    ap.add_argument("--sizes", default="1,50,200,1000")
    ap.add_argument("--cpu-sizes", help="sizes with an idle CPU window (default: every size)")
    ap.add_argument("--cpu-window", type=float, help="seconds (60; 10 with --quick)")
    ap.add_argument("--status-runs", type=int, help="runs of `status` per size (20; 5 with --quick)")
    ap.add_argument("--settle", type=float, help="seconds after the start before RSS and CPU are read (10; 2 with --quick)")
    ap.add_argument("--no-checks", action="store_true", help="skip Aurora's 200 services with tcp checks")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json-out")
    a = ap.parse_args()

    sizes = [int(x) for x in a.sizes.split(",")]
    cpu_sizes = set(int(x) for x in a.cpu_sizes.split(",")) if a.cpu_sizes else set(sizes)
    settle = a.settle if a.settle is not None else (2 if a.quick else 10)
    window = a.cpu_window or (10 if a.quick else 60)
    runs = a.status_runs or (5 if a.quick else 20)
    params = dict(sizes=sizes, cpu_sizes=sorted(cpu_sizes), settle_s=settle, cpu_window_s=window, status_runs=runs,
                  load_before=open("/proc/loadavg").read().split()[:3])

    on = Aurora(a.work, a.aurora, "aurora", "Aurora (AOT)")
    off = Aurora(a.work, a.aurora, "aoff", "Aurora, sampling off")
    off.sampling = "off"
    tools = [on, off]
    if not a.no_supervisord:
        tools.append(Supervisord(a.work))
    if a.pm2:
        tools.append(m.PM2(a.work, a.pm2))
    if not a.no_monit:
        tools.append(Monit(a.work))
    results = {t.name: {} for t in tools}
    started = m.now()
    m.log(f"scale curve: {params}; tools: {', '.join(t.label for t in tools)}")

    def one(tool, n):
        r = results[tool.name].setdefault(str(n), {})
        adopt = isinstance(tool, Monit) and n > 50  # monit starts programs one per cycle: minutes at 200
        try:
            cold = m.start(tool, n, timeout=900, adopt=adopt)
            r["cold_start"] = None if adopt else cold
            r["adopted"] = adopt
            time.sleep(settle)
            pids = processes(tool)
            r["procs"] = len(pids)
            r["rss"] = m.rss_bytes(pids)
            r["rss_daemon"] = m.rss_bytes(tool.roots[:1])
            if tool is not off:
                r["status"] = m.status_latency(tool, runs if n < 1000 else max(3, runs // 2))
            if n in cpu_sizes:
                r["cpu"] = idle_cpu(tool, window)
        except Exception as e:  # noqa: BLE001 - one tool's failure must not lose the others' figures
            m.log(f"{tool.name} at {n}: {e}")
            r["error"] = str(e)
        finally:
            tool.stop_and_sweep()
        m.log(f"{tool.label} at {n}: " + ", ".join(f"{k}={v if not isinstance(v, list) else statistics.median(v)}" for k, v in r.items()))

    for tool in tools:
        for n in sizes:
            one(tool, n)
        if tool is on and not a.no_checks and 200 in sizes:
            farm = m.PortFarm(200, a.work)
            r = results[on.name].setdefault("200_checks", {})
            try:
                m.start(on, 200, checks_port=farm.ports, timeout=300)
                time.sleep(settle)
                r["rss"] = m.rss_bytes(processes(on))
                r["cpu"] = idle_cpu(on, window)
            except Exception as e:  # noqa: BLE001
                r["error"] = str(e)
            finally:
                on.stop_and_sweep()
                farm.close()
            m.log(f"Aurora with 200 tcp checks: {r}")

    params["load_after"] = open("/proc/loadavg").read().split()[:3]
    params["seconds"] = round(m.now() - started)
    report(tools, results, params)
    if a.json_out:
        with open(a.json_out, "w") as f:
            json.dump({"params": params, "results": results}, f, indent=1)


def idle_cpu(tool, window):
    """utime+stime (plus reaped children) of everything the tool runs over the window, % of one core."""
    c0, t0 = m.cpu_ticks(processes(tool)), m.now()
    time.sleep(window)
    c1, t1 = m.cpu_ticks(processes(tool)), m.now()
    return (c1 - c0) / m.CLK_TCK / (t1 - t0) * 100.0


# ---------------------------------------------------------------- the table

def med(xs):
    return statistics.median(xs) if xs else None


def mb(v):
    return f"{v / 1e6:.1f}"


def report(tools, results, params):
    on, off = tools[0], tools[1]
    peers = tools[2:]
    sizes = params["sizes"]
    print(f"\n## Scale curve ({params['seconds']} s; load average {' '.join(params['load_before'])} before, "
          f"{' '.join(params['load_after'])} after; settle {params['settle_s']} s, idle CPU over {params['cpu_window_s']} s, "
          f"`status` median of {params['status_runs']} runs, half that at 1,000)\n")
    cols = [on] + peers
    print("| figure | N | " + " | ".join(t.label for t in cols) + " | " + " | ".join(f"Aurora/{p.label}" for p in peers) + " |")
    print("|" + "---|" * (2 + len(cols) + len(peers)))

    def get(t, n, key):
        v = results[t.name].get(str(n), {}).get(key)
        return med(v) if isinstance(v, list) else v

    rows = [
        ("RSS, everything it runs (MB)", "rss", mb),
        ("processes counted", "procs", str),
        ("idle CPU (% of a core)", "cpu", lambda v: f"{v:.2f}"),
        ("`status` median (ms)", "status", m.fmt_ms),
        ("cold start to N running (ms)", "cold_start", m.fmt_ms),
    ]
    for label, key, f in rows:
        for n in sizes:
            vals = [get(t, n, key) for t in cols]
            if all(v is None for v in vals):
                continue
            cells = ["-" if v is None else f(v) for v in vals]
            ratios = ["-" if vals[0] is None or not v or key == "procs" else f"{vals[0] / v:.2f}" for v in vals[1:]]
            print(f"| {label} | {n} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")

    print("\nAurora with sampling off (`monitor: { sample_interval: off }`):\n")
    print("| N | RSS (MB) | daemon RSS (MB) | idle CPU (% of a core) |")
    print("|---|---|---|---|")
    for n in sizes:
        r = results[off.name].get(str(n), {})
        print(f"| {n} | {mb(r['rss']) if r.get('rss') else '-'} | {mb(r['rss_daemon']) if r.get('rss_daemon') else '-'} | "
              f"{'-' if r.get('cpu') is None else format(r['cpu'], '.2f')} |")

    print("\nThe cost of one more service (least-squares slope of RSS over N, all sizes):\n")
    for t in [on, off] + peers:
        pts = [(n, results[t.name][str(n)]["rss"]) for n in sizes if results[t.name].get(str(n), {}).get("rss")]
        s = slope(pts)
        print(f"- {t.label}: {'-' if s is None else f'{s / 1024:.1f} KiB'}")

    ck = results[on.name].get("200_checks", {})
    if ck:
        cpu = ck.get("cpu")
        print(f"\nAurora, 200 services with a 1 s tcp check each and sampling at 1 s: idle CPU "
              f"{'-' if cpu is None else f'{cpu:.2f}'} % of a core over {params['cpu_window_s']} s, RSS {mb(ck['rss']) if ck.get('rss') else '-'} MB")

    print("\n### Targets (issue 16)\n")
    monit = next((p for p in peers if isinstance(p, Monit)), None)
    pm2 = next((p for p in peers if isinstance(p, m.PM2)), None)

    def target(text, value, limit, unit=""):
        if value is None or limit is None:
            print(f"- {text}: not measured")
        else:
            print(f"- {text}: {value:.3g}{unit} against {limit:.3g}{unit}: {'met' if value <= limit else 'NOT met'}")

    a200, a1000 = get(on, 200, "rss"), get(on, 1000, "rss")
    m200 = get(monit, 200, "rss") if monit else None
    target("RSS at 200 ≤ 2 × monit's (ratio)", a200 / m200 if a200 and m200 else None, 2.0)
    target("RSS at 1,000 ≤ 40 MB", a1000 / 1e6 if a1000 else None, 40.0, " MB")
    target("sampling 200 every second ≤ 0.5 % of a core", get(on, 200, "cpu"), 0.5, " %")
    target("200 tcp checks at 1 s on top of sampling ≤ 1 %", ck.get("cpu"), 1.0, " %")
    s50, ms50 = get(on, 50, "status"), get(monit, 50, "status") if monit else None
    target("`status` at 50 no slower than `monit summary` (ratio)", s50 / ms50 if s50 and ms50 else None, 1.0)
    s1000 = get(on, 1000, "status")
    target("`status` at 1,000 ≤ 30 ms", s1000 * 1000 if s1000 else None, 30.0, " ms")
    c1000 = get(on, 1000, "cold_start")
    target("cold start to 1,000 running ≤ 2 s", c1000, 2.0, " s")
    c50, p50 = get(on, 50, "cold_start"), get(pm2, 50, "cold_start") if pm2 else None
    target("cold start at 50 ≤ 0.1 × PM2's (ratio)", c50 / p50 if c50 and p50 else None, 0.1)
    for t in tools:
        for n, r in results[t.name].items():
            if r.get("error"):
                print(f"note: {t.label} at {n}: {r['error']}")
    print("note: monit's figures above 50 services are with the services started before monit, which adopts them "
          "by matching (it starts one per 1 s cycle); its cold start is measured at 1 and 50 only")


if __name__ == "__main__":
    main()
