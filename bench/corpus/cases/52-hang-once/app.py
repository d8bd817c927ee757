import http.server
import os
import time

first = not os.path.exists("hung.once")
open("hung.once", "a").close()


class Handler(http.server.BaseHTTPRequestHandler):
    calls = 0

    def do_GET(self):
        Handler.calls += 1
        if first and Handler.calls > 3:
            time.sleep(3600)  # a deadlock on the first run: the process lives, the check times out
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")


print("Serving HTTP on 127.0.0.1 port 47152", flush=True)
http.server.HTTPServer(("127.0.0.1", 47152), Handler).serve_forever()
