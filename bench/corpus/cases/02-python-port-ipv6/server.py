import http.server
import socket


class V6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6


print("starting on [::1]:47102", flush=True)
V6Server(("::1", 47102), http.server.SimpleHTTPRequestHandler).serve_forever()
