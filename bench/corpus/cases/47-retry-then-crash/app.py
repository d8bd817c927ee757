import http.server
import threading
import time


def bind(port, tries=5):
    for p in range(port, port + tries):
        try:
            return http.server.ThreadingHTTPServer(("127.0.0.1", p), http.server.SimpleHTTPRequestHandler)
        except OSError as e:
            print(f"port {p}: {e}; trying {p + 1}", flush=True)
    raise SystemExit("no free port")


server = bind(47147)
print(f"Serving HTTP on 127.0.0.1 port {server.server_address[1]}", flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
time.sleep(1)

rates = {"eur": 1.0}
print("loading exchange rates", flush=True)
print(rates["usd"])
