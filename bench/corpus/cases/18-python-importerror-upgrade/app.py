import sys
import time

sys.path.insert(0, "deps")
from greetlib import farewell

print(farewell(), flush=True)
while True:
    time.sleep(3600)
