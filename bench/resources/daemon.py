#!/usr/bin/env python3
"""The cost of resource sampling in the whole daemon, as bench/health/daemon.py measures health checks:
`aurora up -d` with N services (bench/measure.py's `sleep` processes), then the daemon's CPU (utime+stime of it
and its non-service descendants, from /proc) over --seconds after --settle seconds.

  sampling: monitor.sample_interval off vs 1s, in alternating runs (a fresh daemon each).
  stream:   sampling at 1s; the same daemon with 0, then --clients connected event-stream WebSocket clients
            (reading every message, as a dashboard does); the difference divided by --clients is the cost of
            one connected dashboard.

    bench/resources/daemon.py --aurora /path/to/native/aurora [--part sampling|stream|all] [--services 200]
        [--seconds 60] [--settle 10] [--runs 2] [--clients 10]"""
import argparse
import base64
import os
import selectors
import socket
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import measure  # noqa: E402


class SampledAurora(measure.Aurora):
    """bench/measure.py's Aurora config plus a monitor section."""

    def __init__(self, work, binary, interval):
        super().__init__(work, binary, "aurorares", "Aurora")
        self.interval = interval

    def write(self, n, checks_port=None):
        path = super().write(n, checks_port)
        with open(path, "a") as f:
            f.write(f"monitor: {{ sample_interval: {self.interval} }}\n")
        return path


class StreamClient:
    """A minimal WebSocket client of /api/v1/events/stream over the daemon's unix socket: reads every frame,
    answers pings, counts the messages and bytes it got."""

    def __init__(self, sock_path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sock_path)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /api/v1/events/stream?after=0 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("the daemon closed the stream during the handshake")
            head += chunk
        head, self.buf = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"no upgrade: {head[:200]!r}")
        self.sock.setblocking(False)
        self.messages = 0
        self.bytes = 0

    def on_readable(self):
        try:
            chunk = self.sock.recv(65536)
        except BlockingIOError:
            return
        if not chunk:
            raise RuntimeError("the daemon closed a stream")
        self.buf += chunk
        self.bytes += len(chunk)
        while True:
            frame = self._frame()
            if frame is None:
                return
            fin, op, payload = frame
            if op == 0x9:  # ping: answer with a masked pong
                mask = os.urandom(4)
                masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
                self.sock.setblocking(True)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + masked)
                self.sock.setblocking(False)
            elif op in (0x0, 0x1, 0x2) and fin:
                self.messages += 1

    def _frame(self):
        b = self.buf
        if len(b) < 2:
            return None
        length, at = b[1] & 0x7F, 2
        if length == 126:
            if len(b) < 4:
                return None
            length, at = int.from_bytes(b[2:4], "big"), 4
        elif length == 127:
            if len(b) < 10:
                return None
            length, at = int.from_bytes(b[2:10], "big"), 10
        if len(b) < at + length:
            return None
        self.buf = b[at + length:]
        return b[0] & 0x80, b[0] & 0x0F, b[at:at + length]

    def close(self):
        self.sock.close()


def read_streams(clients, seconds):
    """Reads every client's stream for `seconds` (the measuring window runs meanwhile, in this thread's waits)."""
    sel = selectors.DefaultSelector()
    for c in clients:
        sel.register(c.sock, selectors.EVENT_READ, c)
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        for key, _ in sel.select(timeout=left):
            key.data.on_readable()
    sel.close()


def daemon_cpu(tool, seconds, clients=()):
    """% of one core the daemon used over `seconds`, reading the clients' streams meanwhile."""
    pids = measure.own_processes(tool.roots)
    c0, t0 = measure.cpu_ticks(pids), measure.now()
    read_streams(clients, seconds)
    c1, t1 = measure.cpu_ticks(measure.own_processes(tool.roots)), measure.now()
    return (c1 - c0) / measure.CLK_TCK / (t1 - t0) * 100.0


def sampling(a, work):
    figures = {"off": [], "1s": []}
    for run in range(a.runs):
        for interval in ("off", "1s"):
            tool = SampledAurora(work, os.path.abspath(a.aurora), interval)
            try:
                measure.start(tool, a.services, timeout=300)
                time.sleep(a.settle)
                cpu = daemon_cpu(tool, a.seconds)
                figures[interval].append(cpu)
                print(f"run {run + 1}: sample_interval {interval}: daemon CPU {cpu:.3f}% of one core over {a.seconds:.0f}s", flush=True)
            finally:
                tool.stop_and_sweep()
    off, on = statistics.median(figures["off"]), statistics.median(figures["1s"])
    print(f"sampling {a.services} services at 1s: median {on:.3f}% vs {off:.3f}% off: {on - off:+.3f}% of one core", flush=True)


def stream(a, work):
    tool = SampledAurora(work, os.path.abspath(a.aurora), "1s")
    per_client = []
    try:
        measure.start(tool, a.services, timeout=300)
        sock_path = os.path.join(tool.cwd, ".aurora", "aurora.sock")
        time.sleep(a.settle)
        for run in range(a.runs):
            idle = daemon_cpu(tool, a.seconds)
            clients = [StreamClient(sock_path) for _ in range(a.clients)]
            try:
                read_streams(clients, 5)  # the replay of past events, and the first samples
                before = [(c.messages, c.bytes) for c in clients]
                busy = daemon_cpu(tool, a.seconds, clients)
                msgs = statistics.mean(c.messages - m for c, (m, _) in zip(clients, before)) / a.seconds
                kib = statistics.mean(c.bytes - b for c, (_, b) in zip(clients, before)) / a.seconds / 1024
            finally:
                for c in clients:
                    c.close()
            cost = (busy - idle) / a.clients
            per_client.append(cost)
            print(f"run {run + 1}: {a.services} services at 1s: daemon CPU {idle:.3f}% with 0 streams, {busy:.3f}% with "
                  f"{a.clients} ({msgs:.2f} messages/s, {kib:.1f} KiB/s each): {cost:.4f}% of one core per stream", flush=True)
    finally:
        tool.stop_and_sweep()
    print(f"one connected stream (dashboard) at {a.services} services: median {statistics.median(per_client):.4f}% of one core", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aurora", required=True)
    ap.add_argument("--part", choices=["sampling", "stream", "all"], default="all")
    ap.add_argument("--services", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--settle", type=float, default=10)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--clients", type=int, default=10)
    a = ap.parse_args()

    measure.become_subreaper()
    work = tempfile.mkdtemp(prefix="aurora-resources-bench-")
    if a.part in ("sampling", "all"):
        sampling(a, work)
    if a.part in ("stream", "all"):
        stream(a, work)


if __name__ == "__main__":
    main()
