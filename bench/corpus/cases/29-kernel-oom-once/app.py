import os
import time

# The first run loads a cache too big for the 64 MiB memory cgroup: the kernel's OOM killer ends it
# (SIGKILL, nothing printed). The next run finds the marker and serves.
if not os.path.exists("cache.warm"):
    open("cache.warm", "w").close()
    print("warming the cache", flush=True)
    cache = []
    while True:
        cache.append(bytearray(8 << 20))
print("serving", flush=True)
while True:
    time.sleep(3600)
