"""Closes its stdout (and stderr with `both`) at once, then lives on; with `out` it keeps writing to stderr."""
import os
import sys
import time

os.close(1)
if sys.argv[1] == "both":
    os.close(2)
while True:
    if sys.argv[1] == "out":
        os.write(2, b"still here\n")
    time.sleep(0.5)
