#!/usr/bin/env python3
"""The chaos and bad-input suite (issue 19): real daemons killed, stopped, starved of disk and descriptors,
flooded and forked at; plus the C# clock-jump, config-fuzz and HTTP-fuzz tests. Each scenario is bounded in time,
cleans up after itself, and says what must hold and whether it held.

usage: bench/chaos/run.py [--quick] [--only SUBSTR ...] [--aurora PATH] [--markdown FILE]
"""
import argparse
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from scenarios import Context, all_scenarios  # noqa: E402
from support import result  # noqa: E402


class OutOfTime(Exception):
    pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the subset ./test.sh runs (about a minute), shorter durations")
    ap.add_argument("--only", nargs="*", help="run only the scenarios whose name contains one of these")
    ap.add_argument("--aurora", help="the aurora binary (default: ./aurora at the repository root, which builds it)")
    ap.add_argument("--markdown", help="also write the table as Markdown to this file")
    args = ap.parse_args()

    binary = os.path.abspath(args.aurora) if args.aurora else os.path.join(REPO, "aurora")
    if not args.aurora:
        subprocess.run([binary, "--version"], check=True, stdout=subprocess.DEVNULL)  # builds it once, up front
    ctx = Context(binary=binary, repo=REPO, quick=args.quick)
    chosen = [s for s in all_scenarios()
              if (not args.quick or s.quick) and (not args.only or any(o in s.name for o in args.only))]

    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(OutOfTime()))
    results = []
    started = time.monotonic()
    for s in chosen:
        results.append(run_one(s, ctx))
        print(result.line(results[-1]), flush=True)

    print()
    print(result.table(results))
    failed = [r for r in results if r.held is False]
    skipped = [r for r in results if r.held is None]
    print(f"\n{len(results) - len(failed) - len(skipped)}/{len(results)} held"
          + (f", {len(skipped)} skipped" if skipped else "") + f"; took {time.monotonic() - started:.0f} s")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(result.markdown(results))
    return 1 if failed else 0


def run_one(s, ctx):
    began = time.monotonic()
    if s.needs_root and os.geteuid() != 0:
        return result.Result(s.name, s.must_hold, None, "needs root (mounts a tmpfs)")
    signal.alarm(s.limit_s)
    try:
        held, detail = s.run(ctx)
    except OutOfTime:
        held, detail = False, f"did not finish within {s.limit_s} s"
    except Exception as e:  # a broken scenario is one that did not hold, never a crashed run
        held, detail = False, f"{type(e).__name__}: {e}"
    finally:
        signal.alarm(0)
    return result.Result(s.name, s.must_hold, held, detail, time.monotonic() - began)


if __name__ == "__main__":
    sys.exit(main())
