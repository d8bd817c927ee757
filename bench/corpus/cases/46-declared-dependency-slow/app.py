import socket
import time

s = socket.create_connection(("localhost", 47146), timeout=5)
print("cache is up", flush=True)
while True:
    time.sleep(3600)
