import sys
import time

sys.path.insert(0, "deps")
import greetlib

print(greetlib.hello(), flush=True)
while True:
    time.sleep(3600)
