#!/usr/bin/env python3
"""What a `watch:` over a big tree costs the daemon (Aurora issue 21): a tree of --files files (default 50,000) in
--dirs directories under src/, one service `sleep`ing, with and without `watch: { paths: ["src/**/*.py"] }`, in
alternating runs (a fresh daemon each). For each run:

  start   the daemon's CPU from its start until the service runs and --settle seconds have passed (setting up
          the watches is in it), and its RSS then;
  idle    the daemon's CPU (utime+stime of the daemon, from /proc/PID/stat) over --seconds with nothing changing;
  watches inotify watches the daemon holds (the "inotify wd:" lines of /proc/PID/fdinfo/FD of its inotify fds);
  change  with the watch: one file written, the time until `watch.changed` and the service's new start are in
          the event log (read with `aurora events --json`, polled every 20 ms).

--limit N runs one more daemon in a user namespace whose inotify watch limit is N (/proc/sys/user/
max_inotify_watches, which the namespace's root may lower): what the daemon says when the limit is hit.

    bench/watch/daemon.py [--aurora PATH] [--files 50000] [--dirs 500] [--seconds 60] [--settle 10] [--runs 2]
        [--limit 100]

Everything lives in a temporary directory; the daemons are stopped with `aurora down`."""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_AURORA = os.path.join(HERE, "..", "..", "src", "Aurora.Cli", "bin", "Release", "net10.0", "aurora")


def log(msg):
    print(f"[watch {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def make_tree(root, files, dirs):
    """dirs leaf directories in groups of 25 (src/gNN/dMM/), files spread evenly over them."""
    per_dir = max(1, files // dirs)
    made = 0
    for d in range(dirs):
        leaf = os.path.join(root, "src", f"g{d // 25:03d}", f"d{d % 25:02d}")
        os.makedirs(leaf, exist_ok=True)
        for f in range(per_dir if d < dirs - 1 else files - made):
            with open(os.path.join(leaf, f"m{f:04d}.py"), "w") as fh:
                fh.write("x = 1\n")
            made += 1
    directories = sum(len(ds) for _, ds, _ in os.walk(os.path.join(root, "src"))) + 1
    return made, directories


def write_config(root, watch):
    lines = ["version: 1", "services:", "  app:", '    command: ["sleep", "100000"]']
    if watch:
        lines.append('    watch: { paths: ["src/**/*.py"], debounce: 200ms }')
    lines.append("monitor: { sample_interval: off }")
    with open(os.path.join(root, "aurora.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def stat_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of stat)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def inotify_watches(pid):
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") != "anon_inode:inotify":
                continue
            with open(f"/proc/{pid}/fdinfo/{fd}") as f:
                count += sum(1 for line in f if line.startswith("inotify wd:"))
        except OSError:
            pass
    return count


def aurora(binary, root, *args, timeout=60):
    return subprocess.run([binary, *args], cwd=root, capture_output=True, text=True, timeout=timeout)


def events(binary, root):
    out = aurora(binary, root, "events", "--json").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip().startswith("{")]


def wait_for(pred, timeout, step=0.02):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = pred()
        if value:
            return value
        time.sleep(step)
    raise TimeoutError("timed out")


def daemon_pid(root):
    with open(os.path.join(root, ".aurora", "daemon.pid")) as f:
        return int(f.read().split()[0])


def up(binary, root, prefix=()):
    started = time.monotonic()
    r = subprocess.run([*prefix, binary, "up", "-d"], cwd=root, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"aurora up failed: {r.stdout}{r.stderr}")
    pid = wait_for(lambda: os.path.exists(os.path.join(root, ".aurora", "daemon.pid")) and daemon_pid(root), 30)
    wait_for(lambda: any(e.get("type") == "service.started" and e.get("service") == "app" for e in events(binary, root)), 60, 0.1)
    return pid, time.monotonic() - started


def run_once(binary, root, watch, seconds, settle):
    write_config(root, watch)
    shutil.rmtree(os.path.join(root, ".aurora"), ignore_errors=True)
    pid, up_s = up(binary, root)
    time.sleep(settle)
    result = {"watch": watch, "up_s": up_s, "start_ticks": stat_ticks(pid), "rss_kib": rss_kib(pid),
              "watches": inotify_watches(pid)}
    before = stat_ticks(pid)
    time.sleep(seconds)
    result["idle_ticks"] = stat_ticks(pid) - before
    if watch:
        # Timed by the daemon's own event times against the write's wall-clock time: the polling below (a CLI
        # call each time) only decides when to stop looking.
        seen = {e["seq"] for e in events(binary, root)}
        t0 = time.time()
        with open(os.path.join(root, "src", "g000", "d00", "m0000.py"), "w") as f:
            f.write("x = 2\n")

        def new(kind):
            return [e for e in events(binary, root) if e["seq"] not in seen and e["type"] == kind and e.get("service") == "app"]

        def at(e):
            return datetime.datetime.fromisoformat(e["time"]).timestamp()

        result["changed_s"] = at(wait_for(lambda: new("watch.changed"), 30)[0]) - t0
        result["restarted_s"] = at(wait_for(lambda: new("service.started"), 30)[0]) - t0
    aurora(binary, root, "down")
    return result


def limit_run(binary, root, limit):
    """The daemon in a user namespace whose inotify watch limit is `limit`."""
    write_config(root, True)
    shutil.rmtree(os.path.join(root, ".aurora"), ignore_errors=True)
    prefix = ["unshare", "-U", "-r", "sh", "-c", f'echo {limit} > /proc/sys/user/max_inotify_watches && exec "$@"', "sh"]
    pid, _ = up(binary, root, prefix)
    failed = wait_for(lambda: [e for e in events(binary, root) if e["type"] == "watch.failed"], 30, 0.1)
    time.sleep(2)
    failed = [e for e in events(binary, root) if e["type"] == "watch.failed"]
    out = {"limit": limit, "watches": inotify_watches(pid), "watch_failed_events": len(failed),
           "first_error": failed[0]["data"].get("error") if failed else None}
    aurora(binary, root, "down")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aurora", default=DEFAULT_AURORA)
    ap.add_argument("--files", type=int, default=50_000)
    ap.add_argument("--dirs", type=int, default=500)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--settle", type=float, default=10)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    binary = os.path.abspath(args.aurora)
    root = tempfile.mkdtemp(prefix="aurora-watch-")
    try:
        files, directories = make_tree(root, args.files, args.dirs)
        log(f"tree: {files} files in {directories} directories under {root}/src")
        results = []
        for i in range(args.runs):
            for watch in (False, True):
                r = run_once(binary, root, watch, args.seconds, args.settle)
                log(json.dumps(r))
                results.append(r)
        if results:
            print(f"watch over {files} files in {directories} directories; idle window {args.seconds:g} s, "
                  f"settle {args.settle:g} s, {args.runs} runs each, one clock tick = {1000 / CLK_TCK:.0f} ms")
            print("| | idle CPU (ticks over the window) | idle CPU % of a core | start CPU (ticks) | RSS MiB | inotify watches | change → watch.changed | → restarted |")
            print("|---|---|---|---|---|---|---|---|")
            for watch in (False, True):
                rs = [r for r in results if r["watch"] == watch]
                idle = [r["idle_ticks"] for r in rs]
                pct = statistics.mean(idle) / CLK_TCK / args.seconds * 100
                changed = f"{statistics.median(r['changed_s'] for r in rs) * 1000:.0f} ms" if watch else "-"
                restarted = f"{statistics.median(r['restarted_s'] for r in rs) * 1000:.0f} ms" if watch else "-"
                print(f"| {'with watch' if watch else 'without'} | {idle} | {pct:.3f} % | {[r['start_ticks'] for r in rs]} | "
                      f"{statistics.mean(r['rss_kib'] for r in rs) / 1024:.1f} | {[r['watches'] for r in rs]} | {changed} | {restarted} |")
        if args.limit:
            r = limit_run(binary, root, args.limit)
            print(f"\ninotify limit {args.limit} (user namespace): {r['watch_failed_events']} watch.failed event(s), "
                  f"{r['watches']} watches held; first: {r['first_error']}")
    finally:
        for _ in range(3):
            if os.path.exists(os.path.join(root, ".aurora", "daemon.pid")):
                aurora(binary, root, "down")
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
