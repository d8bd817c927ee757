import http.server
import time

print("warming up", flush=True)
time.sleep(3)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 47150), http.server.SimpleHTTPRequestHandler)
print("Serving HTTP on 127.0.0.1 port 47150", flush=True)
server.serve_forever()
