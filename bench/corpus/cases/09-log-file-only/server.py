# Writes its reason only to its own log file, never to stdout/stderr.
import logging
import os
import socket
import sys

os.makedirs("logs", exist_ok=True)
logging.basicConfig(filename="logs/server.log", level=logging.INFO)
try:
    s = socket.socket()
    s.bind(("127.0.0.1", 47109))
    s.listen()
except OSError:
    logging.exception("cannot listen")
    sys.exit(1)
logging.info("listening")
while True:
    s.accept()[0].close()
