"""The control API over .aurora/aurora.sock, without the CLI in between (for 1,000 requests a second)."""
import http.client
import json
import socket


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=10):
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(self.timeout)
        s.connect(self._path)
        self.sock = s


class Api:
    def __init__(self, socket_path):
        self.socket_path = socket_path
        self._conn = None

    def request(self, method, path, body=None, timeout=10):
        """(status, parsed JSON or text); one keep-alive connection, reopened after an error."""
        for attempt in range(2):
            if self._conn is None:
                self._conn = UnixConnection(self.socket_path, timeout)
            try:
                payload = json.dumps(body).encode() if body is not None else None
                headers = {"Content-Type": "application/json"} if payload is not None else {}
                self._conn.request(method, path, body=payload, headers=headers)
                r = self._conn.getresponse()
                text = r.read().decode(errors="replace")
                try:
                    return r.status, json.loads(text)
                except ValueError:
                    return r.status, text
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None
