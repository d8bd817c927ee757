"""Writes RATE lines a second to stdout for SECONDS (0: for ever), then sleeps; after each batch it records
`monotonic_time lines_written` in PROGRESS, so a harness can see the moment a write blocks (a full pipe)."""
import sys
import time

rate, seconds, progress = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
batch = max(1, rate // 100)
pad = b"x" * 48
out = sys.stdout.buffer
start = time.monotonic()
n = 0
with open(progress, "w") as p:
    while seconds <= 0 or time.monotonic() - start < seconds:
        out.write(b"".join(b"flood %09d %s\n" % (n + k, pad) for k in range(batch)))
        out.flush()
        n += batch
        now = time.monotonic()
        p.seek(0)
        p.write(f"{now:.6f} {n}".ljust(40) + "\n")
        p.flush()
        ahead = start + n / rate - now
        if ahead > 0:
            time.sleep(ahead)
while True:
    time.sleep(3600)
