"""The scenarios that are C# tests: the clock jump (a fake TimeProvider), the config fuzz (CsCheck, longer than
./test.sh runs it) and the HTTP fuzz of the control API's server."""
import os
import re
import subprocess

from . import Scenario



def dotnet_test(ctx, project, filter_, env=None, timeout=600):
    name = os.path.basename(project)
    built = os.path.exists(os.path.join(ctx.repo, project, "bin", "Release", "net10.0", f"{name}.dll"))
    args = ["dotnet", "test", project, "-c", "Release", "--nologo", "--filter", filter_, "--logger", "console;verbosity=detailed"] \
        + (["--no-build"] if built else [])
    r = subprocess.run(args, cwd=ctx.repo, env=dict(os.environ, **(env or {})), capture_output=True, text=True, timeout=timeout)
    # The detailed logger ends with "Total tests: N", "Passed: N", "Failed: N", "Skipped: N" lines instead.
    counts = {k: int(v) for k, v in re.findall(r"^\s*(Total tests|Passed|Failed|Skipped): +([0-9]+)\s*$", r.stdout, re.M)}
    if "Total tests" not in counts:
        return False, f"dotnet test printed no summary (exit {r.returncode}): {(r.stdout + r.stderr).strip()[-300:]}"
    failed, passed, skipped = counts.get("Failed", 0), counts.get("Passed", 0), counts.get("Skipped", 0)
    failures = re.findall(r"^\s+Failed (\S+)", r.stdout, re.M)
    # A skipped test here is a known finding the test detected (ClockJumpTests.KnownFinding): it did not hold.
    findings = sorted(set(re.findall(r"^ +known finding: (.+)$", r.stdout, re.M)))
    return r.returncode == 0 and failed == 0 and skipped == 0 and passed > 0, \
        f"{passed} passed, {failed} failed, {skipped} skipped" + (f": {', '.join(failures[:3])}" if failures else "") \
        + "".join(f"; {f}" for f in findings)


def clock_jump(ctx):
    return dotnet_test(ctx, "tests/Aurora.Core.Tests", "FullyQualifiedName~Aurora.Core.Tests.Chaos.ClockJump")


def config_fuzz(ctx):
    iterations = "1000" if ctx.quick else "5000"
    held, detail = dotnet_test(ctx, "tests/Aurora.Core.Tests", "FullyQualifiedName~Aurora.Core.Tests.Chaos.ConfigFuzz",
                               env={"AURORA_FUZZ_ITERATIONS": iterations})
    return held, f"{iterations} mutated files; " + detail


def http_fuzz(ctx):
    return dotnet_test(ctx, "tests/Aurora.IntegrationTests", "FullyQualifiedName~Aurora.IntegrationTests.Http.HttpFuzz")


SCENARIOS = [
    Scenario("clock-jump", "the clock an hour forward and back (TimeProvider): no restart storm, no negative "
             "duration, timers still fire", clock_jump),
    Scenario("config-fuzz", "random mutations of real aurora.yaml files through validate's loader: never a crash, "
             "every problem positioned", config_fuzz, limit_s=600),
    Scenario("http-fuzz", "malformed requests to the control API's server: never a crash, every one answered or closed",
             http_fuzz),
]
