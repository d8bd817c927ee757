"""The demo worker: does a job every second and crashes now and then, so restarts are visible."""
import os
import random
import sys
import time

crash_every = float(os.environ.get("CRASH_AFTER_SECONDS", "45"))
deadline = time.monotonic() + random.uniform(crash_every / 2, crash_every * 1.5)
job = 0
while True:
    job += 1
    print(f"worker: job {job} done", flush=True)
    if time.monotonic() > deadline:
        print("worker: RuntimeError: lost the job queue (simulated crash)", file=sys.stderr, flush=True)
        sys.exit(1)
    time.sleep(1)
