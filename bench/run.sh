#!/usr/bin/env bash
# Aurora side by side with supervisord, PM2 and monit on identical workloads; prints one table.
#   ./bench/run.sh [--quick] [--no-monit] [--no-jit]   (then, Aurora only: event store and WebSocket fan-out)
#   ./bench/run.sh --scale [--quick] [--no-monit] [--sizes 1,50,200,1000]   the scale curve instead (bench/scale/curve.py)
# Installs the peers when missing (apt: supervisor, monit; npm: pm2 into /tmp/aurora-bench/npm with its
# own PM2_HOME per run), publishes Aurora with native AOT into /tmp/aurora-bench/aot, and cleans up every
# process it started (by pid file and marker argv0, never by name). Not part of ./test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base=/tmp/aurora-bench
quick=() ; extra=() ; jit=1 ; monit=1 ; scale=0 ; sizes=1,50,200,1000
while [ $# -gt 0 ]; do
  arg="$1"; shift
  case "$arg" in
    --quick) quick=(--quick) ;;
    --scale) scale=1 ;;
    --sizes) sizes="$1"; shift ;;
    --no-monit) monit=0 ;;
    --no-jit) jit=0 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $arg" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$base"
say() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# ---- peers
need_apt=()
command -v supervisord >/dev/null || need_apt+=(supervisor)
[ "$monit" = 1 ] && ! command -v monit >/dev/null && need_apt+=(monit)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} (apt-get)"
  apt-get update -qq >"$base/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >>"$base/apt.log" 2>&1 \
    || { cat "$base/apt.log" >&2; exit 1; }
fi
pm2="$base/npm/node_modules/.bin/pm2"
if [ ! -x "$pm2" ]; then
  command -v npm >/dev/null || { echo "bench: npm is needed for PM2" >&2; exit 1; }
  say "installing pm2 into $base/npm (npm)"
  npm install --prefix "$base/npm" --no-audit --no-fund --loglevel=error pm2 >"$base/npm.log" 2>&1 \
    || { cat "$base/npm.log" >&2; exit 1; }
fi

# ---- Aurora: native AOT publish (cached until a source changes), and the JIT build of ./aurora
aot="$base/aot"
stamp="$base/aot.stamp"
if [ ! -x "$aot/aurora" ] || [ ! -f "$stamp" ] || [ -n "$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
    -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
  say "publishing Aurora with native AOT into $aot (about a minute)"
  touch "$stamp.new"
  rm -rf "$aot"
  # A separate intermediate dir, so the AOT publish never races ./aurora's or test.sh's build outputs.
  if ! dotnet publish "$root/src/Aurora.Cli" -r linux-x64 -c Release -p:PublishAot=true -o "$aot" -nologo \
      --artifacts-path "$base/artifacts" >"$base/publish.log" 2>&1; then
    cat "$base/publish.log" >&2
    echo "bench: native AOT publish failed (log: $base/publish.log)" >&2
    exit 1
  fi
  mv "$stamp.new" "$stamp"
fi
args=(--aurora "$aot/aurora" --pm2 "$pm2")
if [ "$scale" = 1 ]; then
  # The scale curve: every tool at each size; about 35 minutes in full (60 s CPU windows), 8 with --quick.
  work="$base/scale-$$"
  rm -rf "$work"; mkdir -p "$work"
  trap 'python3 "$root/bench/measure.py" --cleanup "$work" || true' EXIT
  trap 'exit 130' INT TERM
  [ "$monit" = 1 ] || args+=(--no-monit)
  say "scale curve in $work; the machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$root/bench/scale/curve.py" --work "$work" --sizes "$sizes" "${args[@]}" ${quick[@]+"${quick[@]}"} --json-out "$work/results.json"
  exit 0
fi
if [ "$jit" = 1 ]; then
  # The JIT build of the same sources, for comparison (./aurora itself builds the native binary).
  jitdir="$base/jit"
  if [ ! -x "$jitdir/aurora" ] || [ "$stamp" -nt "$jitdir/aurora" ]; then
    say "building the JIT version into $jitdir"
    rm -rf "$jitdir"
    if ! dotnet build "$root/src/Aurora.Cli" -c Release -o "$jitdir" -nologo --artifacts-path "$base/artifacts-jit" \
        >"$base/build-jit.log" 2>&1; then
      cat "$base/build-jit.log" >&2
      echo "bench: JIT build failed (log: $base/build-jit.log)" >&2
      exit 1
    fi
  fi
  args+=(--aurora-jit "$jitdir/aurora")
fi
[ "$monit" = 1 ] || args+=(--no-monit)

# ---- the run
work="$base/run-$$"
rm -rf "$work"; mkdir -p "$work"
cleanup() { python3 "$root/bench/measure.py" --cleanup "$work" || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
bound=155; [ ${#quick[@]} -gt 0 ] || bound=1500
say "run directory $work; measurements bounded at ${bound}s; the machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
timeout --signal=INT --kill-after=10 "$((bound + 35))" python3 "$root/bench/measure.py" --work "$work" --deadline "$bound" "${args[@]}" ${quick[@]+"${quick[@]}"} \
  --json-out "$work/results.json"
say "load after the run: $(cut -d' ' -f1-3 /proc/loadavg); raw figures in $work/results.json"

# ---- Aurora only: the event store (ingest, history queries) and WebSocket fan-out (bench/store, bench/Aurora.Bench.Fanout)
events=1000000; fan_seconds=10
[ ${#quick[@]} -gt 0 ] && { events=100000; fan_seconds=3; }
echo
echo "## Aurora only: event store and WebSocket fan-out"
echo
mkdir -p "$work/store"
say "event store: ingest and history queries over ${events} events"
if dotnet run -c Release --project "$root/bench/store/Aurora.Bench.Store" -- --events "$events" --queries 20 --db "$work/store/state.db" \
    >"$work/store.txt" 2>&1; then
  grep -E '^(ingest|idle commit|all queries|state.db)' "$work/store.txt" | sed 's/^/    /'
else
  echo "    event store bench failed: $work/store.txt"
fi
rm -rf "$work/store"
say "WebSocket fan-out: 100 clients, 5000 events/s for ${fan_seconds}s"
if timeout 300 dotnet run -c Release --project "$root/bench/Aurora.Bench.Fanout" -- --seconds "$fan_seconds" >"$work/fanout.txt" 2>&1; then
  grep -E '^(fan-out|delivery)' "$work/fanout.txt" | sed 's/^/    /'
else
  echo "    fan-out bench failed: $work/fanout.txt"
fi
