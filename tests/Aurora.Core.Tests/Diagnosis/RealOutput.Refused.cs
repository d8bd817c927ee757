namespace Aurora.Core.Tests.Diagnosis;

internal static partial class RealOutput
{
    public const string PythonRefused = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/socket.py", line 851, in create_connection
            raise exceptions[0]
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/socket.py", line 836, in create_connection
            sock.connect(sa)
        ConnectionRefusedError: [Errno 111] Connection refused
        """;

    public const string PythonUrllibRefused = """
        Traceback (most recent call last):
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 1348, in do_open
            h.request(req.get_method(), req.selector, req.data, headers,
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/client.py", line 1294, in request
            self._send_request(method, url, body, headers, encode_chunked)
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/client.py", line 1340, in _send_request
            self.endheaders(body, encode_chunked=encode_chunked)
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/client.py", line 1289, in endheaders
            self._send_output(message_body, encode_chunked=encode_chunked)
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/client.py", line 1048, in _send_output
            self.send(msg)
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/client.py", line 986, in send
            self.connect()
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/client.py", line 952, in connect
            self.sock = self._create_connection(
                        ^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/socket.py", line 851, in create_connection
            raise exceptions[0]
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/socket.py", line 836, in create_connection
            sock.connect(sa)
        ConnectionRefusedError: [Errno 111] Connection refused

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "<string>", line 1, in <module>
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 216, in urlopen
            return opener.open(url, data, timeout)
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 519, in open
            response = self._open(req, data)
                       ^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 536, in _open
            result = self._call_chain(self.handle_open, protocol, protocol +
                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 496, in _call_chain
            result = func(*args)
                     ^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 1377, in http_open
            return self.do_open(http.client.HTTPConnection, req)
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/urllib/request.py", line 1351, in do_open
            raise URLError(err)
        urllib.error.URLError: <urlopen error [Errno 111] Connection refused>
        """;

    public const string NodeRefused = """
        node:events:502
              throw er; // Unhandled 'error' event
              ^

        Error: connect ECONNREFUSED 127.0.0.1:5432
            at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)
        Emitted 'error' event on Socket instance at:
            at emitErrorNT (node:internal/streams/destroy:169:8)
            at emitErrorCloseNT (node:internal/streams/destroy:128:3)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {
          errno: -111,
          code: 'ECONNREFUSED',
          syscall: 'connect',
          address: '127.0.0.1',
          port: 5432
        }

        Node.js v20.20.2
        """;

    public const string NodeFetchRefused = """
        node:internal/deps/undici/undici:14976
              Error.captureStackTrace(err);
                    ^

        TypeError: fetch failed
            at node:internal/deps/undici/undici:14976:13
            at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {
          [cause]: Error: connect ECONNREFUSED 127.0.0.1:8088
              at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {
            errno: -111,
            code: 'ECONNREFUSED',
            syscall: 'connect',
            address: '127.0.0.1',
            port: 8088
          }
        }

        Node.js v20.20.2
        """;

    public const string CurlRefused = """
        curl: (7) Failed to connect to 127.0.0.1 port 8088 after 0 ms: Couldn't connect to server
        """;

    public const string RedisCliRefused = """
        Could not connect to Redis at 127.0.0.1:6399: Connection refused
        """;

    public const string PsqlRefused = """
        psql: error: connection to server at "127.0.0.1", port 5499 failed: Connection refused
        	Is the server running on that host and accepting TCP/IP connections?
        """;
}
