import socket
import time

print("connecting to redis at 127.0.0.1:47143", flush=True)
with socket.create_connection(("127.0.0.1", 47143), timeout=5) as s:
    s.sendall(b"PING\r\n")
    print("redis says", s.recv(64).decode().strip(), flush=True)
while True:
    time.sleep(3600)
