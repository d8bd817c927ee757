"""A tiny line-protocol key-value store on TCP (a stand-in for redis): SET k v / GET k / PING."""
import os
import socketserver

PORT = int(os.environ.get("PORT", "6390"))
store = {}


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        for raw in self.rfile:
            parts = raw.decode(errors="replace").strip().split(" ", 2)
            cmd = parts[0].upper() if parts else ""
            if cmd == "PING":
                reply = "PONG"
            elif cmd == "SET" and len(parts) == 3:
                store[parts[1]] = parts[2]
                reply = "OK"
            elif cmd == "GET" and len(parts) >= 2:
                reply = store.get(parts[1], "")
            else:
                reply = "ERR unknown command"
            self.wfile.write((reply + "\n").encode())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", PORT), Handler) as server:
        print(f"kv listening on 127.0.0.1:{PORT}", flush=True)
        server.serve_forever()
