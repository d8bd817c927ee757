"""The demo API: counts visits in the kv store. GET /health, GET /visits."""
import json
import os
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("PORT", "5001"))
KV = ("127.0.0.1", int(os.environ.get("KV_PORT", "6390")))


def kv(command):
    with socket.create_connection(KV, timeout=2) as s:
        s.sendall((command + "\n").encode())
        return s.makefile().readline().strip()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            body = {"ok": kv("PING") == "PONG"}
        elif self.path == "/visits":
            n = int(kv("GET visits") or 0) + 1
            kv(f"SET visits {n}")
            body = {"visits": n}
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(body).encode()
        self.send_response(200 if body.get("ok", True) else 503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        print("api:", fmt % args, flush=True)


if __name__ == "__main__":
    print(f"api listening on 127.0.0.1:{PORT}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
