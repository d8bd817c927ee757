import time

import greetlib

print(greetlib.hello(), flush=True)
while True:
    time.sleep(3600)
