#!/usr/bin/env python3
"""The diagnosis corpus: real failing programs (python, node, sh, redis-server, nginx, .NET, Java, a compiled C
binary) brought up under Aurora, one at a time. For each it checks the cause Aurora's history gives the
incident, the end state (healed / quarantined / waits / none), and that nothing harmful was done; then it
prints a per-case table and the totals.

usage: bench/corpus/run.py [--quick] [--aurora PATH] [--only SUBSTR ...] [--keep] [--markdown FILE]
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import harm, prereqs, report  # noqa: E402
from harness.aurora import Aurora  # noqa: E402
from harness.case import load_all  # noqa: E402
from harness.observe import watch  # noqa: E402
from harness.workspace import Workspace  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the fast subset (about a minute)")
    ap.add_argument("--aurora", help="the aurora binary (default: ./aurora at the repository root, which builds it)")
    ap.add_argument("--only", nargs="*", help="run only the cases whose name contains one of these")
    ap.add_argument("--keep", action="store_true", help="keep each case's temp directory")
    ap.add_argument("--markdown", help="also write the per-case table as Markdown to this file")
    args = ap.parse_args()

    binary = os.path.abspath(args.aurora) if args.aurora else os.path.join(REPO, "aurora")
    cases = load_all(os.path.join(HERE, "cases"), args.only, args.quick)
    missing = prereqs.ensure(cases)
    if not args.aurora:
        subprocess.run([binary, "--version"], check=True, stdout=subprocess.DEVNULL)  # builds it once, up front

    results = []
    started = time.monotonic()
    for case in cases:
        if set(case.requires) & missing:
            results.append(report.skipped(case, f"needs {', '.join(sorted(set(case.requires) & missing))}"))
        else:
            results.append(run_case(case, binary, args.keep))
        print(report.line(results[-1]), flush=True)

    print()
    print(report.table(results))
    print()
    print(report.totals(results, time.monotonic() - started))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(report.markdown(results))
    return 0 if all(r.passed or r.skipped for r in results) else 1


def run_case(case, binary, keep):
    ws = Workspace(case)
    aurora = Aurora(binary, ws.project)
    follower = None
    began = time.monotonic()
    try:
        ws.create()
        ws.run_actions(case.setup)
        outside_before = harm.snapshot(ws.outside)
        project_before = harm.snapshot(ws.project)
        aurora.up()
        follower = aurora.follow()
        # `up -d` returns once the daemon answers, which is before it has stopped the leftovers of an earlier one
        # (processes carrying the project's tag): a stale instance made before daemon.started would be swept as one.
        if not follower.until("daemon.started", time.monotonic() + 30):
            raise RuntimeError("no daemon.started within 30 s of `aurora up -d`")
        ws.run_actions(case.after_up)
        observation = watch(case, aurora, follower, lambda: ws.run_actions(case.release))
        holders = [(address, p.poll() is None, log) for address, p, log, foreign in ws.holders if foreign]
        follower.drain(0.3)
        before_down = list(follower.events)  # what `aurora down` stops next is no harm
        aurora.down()
        harms = harm.check(case, ws, before_down, outside_before, project_before, holders)
        return report.result(case, observation, harms, time.monotonic() - began)
    except Exception as e:  # a broken case is a failed case, never a crashed run
        return report.broken(case, f"{type(e).__name__}: {e}", time.monotonic() - began)
    finally:
        if follower:
            follower.close()
        if not aurora.down():
            ws.kill_leftovers()
        ws.close(keep)


if __name__ == "__main__":
    sys.exit(main())
