#!/usr/bin/env python3
"""A process that listens on HOST:PORT and is not Aurora's: a foreign holder of a port, a stale instance
(--stale: it exits on SIGTERM, like the server it stands for), or a dependency that comes up (--accept: it
answers connections). It appends the name of every signal it receives to LOG, so the corpus runner can tell
whether anything signalled it.

usage: holder.py HOST PORT LOG [--stale] [--accept]
"""
import os
import signal
import socket
import sys
import threading


def main():
    host, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    stale, accept = "--stale" in sys.argv, "--accept" in sys.argv
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    if family == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.bind((host, port))
    s.listen(16)

    def on_signal(number, _frame):
        with open(log, "a") as f:
            f.write(signal.Signals(number).name + "\n")
        if stale and number in (signal.SIGTERM, signal.SIGINT):
            os._exit(0)

    for sig in signal.valid_signals():
        if sig not in (signal.SIGKILL, signal.SIGSTOP, signal.SIGCHLD, signal.SIGWINCH):
            try:
                signal.signal(sig, on_signal)
            except (OSError, ValueError):
                pass

    if accept:
        def serve():
            while True:
                conn, _ = s.accept()
                conn.close()
        threading.Thread(target=serve, daemon=True).start()

    print("ready", flush=True)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
