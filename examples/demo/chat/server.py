"""The demo chat service: POST /messages appends, GET /messages lists, GET /health."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("PORT", "5002"))
messages = []


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            self._send(200, {"ok": True})
        elif self.path == "/messages":
            self._send(200, messages[-50:])
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        messages.append(self.rfile.read(length).decode(errors="replace"))
        self._send(201, {"count": len(messages)})

    def log_message(self, fmt, *args):
        print("chat:", fmt % args, flush=True)


if __name__ == "__main__":
    print(f"chat listening on 127.0.0.1:{PORT}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
