#!/usr/bin/env bash
# Where Aurora's scale figures go (issue 16), from profiles that do not depend on the machine's load:
#   bench/scale/profile.sh AURORA_BINARY [N=1000] [MAP_FILE]
# starts N services (bench/measure.py's workload) under a daemon in a scratch project, then prints
#   1. `strace -c -f` of `aurora status` (syscalls by count and time) and the bytes it reads from the socket;
#   2. `strace -f -r` of `aurora status`: the time to its first syscall on the daemon's socket, and to exit;
#   3. the daemon's /proc/PID/smaps_rollup and status (file-backed vs anonymous memory, threads, descriptors)
#      and the same for every other process of the project's (the holder);
#   4. with MAP_FILE (an ILC map file, -p:IlcGenerateMapFile=true): the binary's size by namespace.
# Stops the daemon and its services at the end (aurora down, then the markers by pid). Not part of ./test.sh.
set -euo pipefail
bin="$(realpath "$1")"; n="${2:-1000}"; map="${3:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d /tmp/aurora-scale-profile.XXXXXX)"
# Only what this script started: its daemon (aurora down), then any abench-profile-N left, by pid (not measure.py's
# --cleanup, which sweeps every abench- marker, a bench running beside this one included).
cleanup() {
  (cd "$work" && timeout 120 "$bin" down >/dev/null 2>&1) || true
  for f in /proc/[0-9]*/cmdline; do
    if head -c 15 "$f" 2>/dev/null | grep -q '^abench-profile-'; then p="${f#/proc/}"; kill -9 "${p%/cmdline}" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT
{
  echo "version: 1"
  echo "services:"
  for i in $(seq 1 "$n"); do
    echo "  svc-$i:"
    echo "    command: [\"bash\", \"-c\", \"exec -a abench-profile-$i sleep 100000\"]"
  done
} >"$work/aurora.yaml"
cd "$work"
echo "# $n services; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" up -d >/dev/null
for _ in $(seq 1 600); do
  [ "$(grep -l '^abench-profile-' /proc/[0-9]*/cmdline 2>/dev/null | wc -l)" -ge "$n" ] && break
  sleep 0.5
done
sleep 3
daemon="$(cat .aurora/daemon.pid)"

echo; echo "## 1. strace -c -f aurora status"
strace -c -f -o "$work/status.count" "$bin" status >"$work/status.out"
sed -n '1,30p' "$work/status.count"
echo "table: $(wc -l <"$work/status.out") lines, $(wc -c <"$work/status.out") bytes; the JSON list: $("$bin" status --json | wc -c) bytes"

echo; echo "## 2. strace -f -r -tt aurora status (relative times)"
strace -f -tt -e trace=all -o "$work/status.trace" "$bin" status >/dev/null
python3 - "$work/status.trace" <<'EOF'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
def t(line):
    h, mi, s = re.search(r"(\d+):(\d+):(\d+\.\d+)", line).groups()
    return int(h) * 3600 + int(mi) * 60 + float(s)
t0 = t(lines[0])
marks = {}
for ln in lines:
    if "connect(" in ln and "aurora.sock" in ln and "connect" not in marks:
        marks["connect"] = t(ln)
    if re.search(r"(recvfrom|read)\(\d+, \"HTTP/1.1", ln) and "response" not in marks:
        marks["response"] = t(ln)
    if "write(1," in ln and "first write" not in marks:
        marks["first write"] = t(ln)
marks["exit"] = t(lines[-1])
print(f"{len(lines)} syscalls; from execve: " + ", ".join(f"{k} at {(v - t0) * 1000:.1f} ms" for k, v in marks.items()))
from collections import Counter
pre = [re.sub(r"^\d+\s+\S+\s+", "", ln).split("(")[0] for ln in lines if t(ln) < marks.get("connect", 1e18)]
print("before the connect:", len(pre), "syscalls:", ", ".join(f"{k} {v}" for k, v in Counter(pre).most_common(12)))
EOF

echo; echo "## 3. the daemon's memory (pid $daemon)"
cat "/proc/$daemon/smaps_rollup" | sed -n '2,20p'
grep -E '^(VmRSS|RssAnon|RssFile|Threads)' "/proc/$daemon/status"
echo "descriptors: $(ls "/proc/$daemon/fd" | wc -l)"
for p in /proc/[0-9]*; do
  pid="${p#/proc/}"
  [ "$pid" = "$daemon" ] && continue
  # Aurora's executables: the binary, and the holder and daemon executables beside it (src/Aurora.Holder, src/Aurora.DaemonBin).
  case "$(readlink "$p/exe" 2>/dev/null)" in "$bin"|"$(dirname "$bin")/aurora-holder"|"$(dirname "$bin")/aurora-daemon") ;; *) continue ;; esac
  grep -qa "$work" "$p/cmdline" 2>/dev/null || [ "$(readlink "$p/cwd" 2>/dev/null)" = "$work" ] || continue
  echo "other process of this project: $pid $(tr '\0' ' ' <"$p/cmdline")"
  grep -E '^(VmRSS|RssAnon|RssFile)' "$p/status"
done
echo "largest mappings of the daemon by RSS (KiB):"
python3 - "$daemon" <<'EOF'
import sys
cur, out = None, []
for line in open(f"/proc/{sys.argv[1]}/smaps"):
    f = line.split()
    if "-" in f[0] and not f[0].endswith(":"):
        cur = " ".join(f[5:]) or "[anon]"
    elif f[0] == "Rss:":
        out.append((int(f[1]), cur))
agg = {}
for kb, name in out:
    agg[name] = agg.get(name, 0) + kb
for name, kb in sorted(agg.items(), key=lambda x: -x[1])[:8]:
    print(f"  {kb:>7}  {name}")
EOF

if [ -n "$map" ] && [ -f "$map" ]; then
  echo; echo "## 4. what the binary carries ($(stat -c %s "$bin") bytes), by namespace, from $map"
  python3 "$here/mapsize.py" "$map" | head -25
fi
