"""A fork loop with a brake of its own: at most CAP children (each sleeps), one every 5 ms, so that the machine
is safe even when nothing else bounds it."""
import os
import sys
import time

cap = int(sys.argv[1])
children = 0
while children < cap:
    try:
        pid = os.fork()
    except OSError as e:
        print(f"fork failed: {e}", flush=True)
        time.sleep(0.05)
        continue
    if pid == 0:
        time.sleep(120)
        os._exit(0)
    children += 1
    time.sleep(0.005)
while True:
    time.sleep(3600)
