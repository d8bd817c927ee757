"""A quiet neighbour: one line every 50 ms carrying its CLOCK_MONOTONIC time, to measure how late its log gets it."""
import sys
import time

while True:
    sys.stdout.write(f"tick {time.monotonic():.6f}\n")
    sys.stdout.flush()
    time.sleep(0.05)
