"""The demo's scheduled job (schedule: every 1m): one line on the state of the stack, read from the kv store.
It always exits 0: a report that finds the store down says so; it is not itself a failure."""
import os
import socket
import time

KV = ("127.0.0.1", int(os.environ.get("KV_PORT", "6390")))


def kv(command):
    with socket.create_connection(KV, timeout=2) as s:
        s.sendall((command + "\n").encode())
        return s.makefile().readline().strip()


if __name__ == "__main__":
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    try:
        print(f"report {stamp}: db up, {int(kv('GET visits') or 0)} visits so far", flush=True)
    except OSError as e:
        print(f"report {stamp}: db unreachable ({e.strerror or e})", flush=True)
