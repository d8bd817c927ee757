"""Every scenario, one module per family. A scenario is a function of the run's context returning (held, detail);
it makes its own project and tears it down (support.project.Project), and bounds each wait with a deadline."""
from dataclasses import dataclass
from typing import Callable


@dataclass
class Scenario:
    name: str
    must_hold: str
    run: Callable
    quick: bool = False        # part of `--quick` (./test.sh)
    needs_root: bool = False   # mounts a tmpfs
    limit_s: int = 180         # a hard bound on the whole scenario, teardown excluded


@dataclass
class Context:
    binary: str
    repo: str
    quick: bool


def all_scenarios():
    from . import crash, disk, dotnet, flood, forks, limits, readopt, restarts, stop, streams
    return crash.SCENARIOS + stop.SCENARIOS + disk.SCENARIOS + limits.SCENARIOS + flood.SCENARIOS + forks.SCENARIOS \
        + streams.SCENARIOS + restarts.SCENARIOS + readopt.SCENARIOS + dotnet.SCENARIOS
