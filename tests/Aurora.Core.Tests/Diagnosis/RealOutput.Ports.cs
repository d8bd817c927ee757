namespace Aurora.Core.Tests.Diagnosis;

/// Output captured from real programs on Debian 12 (python 3.11, node 20, nginx 1.22, redis 7.0, .NET 10,
/// OpenJDK 17, coreutils, dash, bash, curl, psql), failing for real: the port held, the module missing, and so on.
internal static partial class RealOutput
{
    public const string PythonHttpServerInUse = """
        Traceback (most recent call last):
          File "<frozen runpy>", line 198, in _run_module_as_main
          File "<frozen runpy>", line 88, in _run_code
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/server.py", line 1313, in <module>
            test(
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/server.py", line 1260, in test
            with ServerClass(addr, HandlerClass) as httpd:
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/socketserver.py", line 456, in __init__
            self.server_bind()
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/server.py", line 1307, in server_bind
            return super().server_bind()
                   ^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/http/server.py", line 136, in server_bind
            socketserver.TCPServer.server_bind(self)
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/socketserver.py", line 472, in server_bind
            self.socket.bind(self.server_address)
        OSError: [Errno 98] Address already in use
        """;

    public const string PythonSocketInUseV6 = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
        OSError: [Errno 98] Address already in use
        """;

    public const string NodeListenInUse = """
        node:events:502
              throw er; // Unhandled 'error' event
              ^

        Error: listen EADDRINUSE: address already in use 127.0.0.1:18080
            at Server.setupListenHandle [as _listen2] (node:net:1908:16)
            at listenInCluster (node:net:1965:12)
            at doListen (node:net:2139:7)
            at process.processTicksAndRejections (node:internal/process/task_queues:83:21)
        Emitted 'error' event on Server instance at:
            at emitErrorNT (node:net:1944:8)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {
          code: 'EADDRINUSE',
          errno: -98,
          syscall: 'listen',
          address: '127.0.0.1',
          port: 18080
        }

        Node.js v20.20.2
        """;

    public const string NodeListenInUseV6 = """
        node:events:502
              throw er; // Unhandled 'error' event
              ^

        Error: listen EADDRINUSE: address already in use ::1:18081
            at Server.setupListenHandle [as _listen2] (node:net:1908:16)
            at listenInCluster (node:net:1965:12)
            at doListen (node:net:2139:7)
            at process.processTicksAndRejections (node:internal/process/task_queues:83:21)
        Emitted 'error' event on Server instance at:
            at emitErrorNT (node:net:1944:8)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {
          code: 'EADDRINUSE',
          errno: -98,
          syscall: 'listen',
          address: '::1',
          port: 18081
        }

        Node.js v20.20.2
        """;

    public const string NodeWrappedInUse = """
        /tmp/cap/wrap.js:5
            s.once('error', (err) => reject(new Error('could not start the API server', { cause: err })));
                                            ^

        Error: could not start the API server
            at Server.<anonymous> (/tmp/cap/wrap.js:5:37)
            at Object.onceWrapper (node:events:639:26)
            at Server.emit (node:events:524:28)
            at emitErrorNT (node:net:1944:8)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {
          [cause]: Error: listen EADDRINUSE: address already in use 127.0.0.1:18080
              at Server.setupListenHandle [as _listen2] (node:net:1908:16)
              at listenInCluster (node:net:1965:12)
              at doListen (node:net:2139:7)
              at process.processTicksAndRejections (node:internal/process/task_queues:83:21) {
            code: 'EADDRINUSE',
            errno: -98,
            syscall: 'listen',
            address: '127.0.0.1',
            port: 18080
          }
        }

        Node.js v20.20.2
        """;

    public const string NginxBindFailed = """
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to 127.0.0.1:18080 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to [::1]:18081 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to 127.0.0.1:18080 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to [::1]:18081 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to 127.0.0.1:18080 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to [::1]:18081 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to 127.0.0.1:18080 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to [::1]:18081 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to 127.0.0.1:18080 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: bind() to [::1]:18081 failed (98: Address already in use)
        2026/12/01 18:37:53 [emerg] 21303#21303: still could not bind()
        """;

    public const string RedisInUse = """
        21558:C 01 Dec 2026 18:37:56.438 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
        21558:C 01 Dec 2026 18:37:56.438 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=21558, just started
        21558:C 01 Dec 2026 18:37:56.438 # Configuration loaded
        21558:M 01 Dec 2026 18:37:56.440 * monotonic clock: POSIX clock_gettime
        21558:M 01 Dec 2026 18:37:56.447 # Warning: Could not create server TCP listening socket 127.0.0.1:18080: bind: Address already in use
        21558:M 01 Dec 2026 18:37:56.447 # Failed listening on port 18080 (TCP), aborting.
        """;

    public const string RedisInUseV6 = """
        21560:C 01 Dec 2026 18:37:56.667 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
        21560:C 01 Dec 2026 18:37:56.667 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=21560, just started
        21560:C 01 Dec 2026 18:37:56.667 # Configuration loaded
        21560:M 01 Dec 2026 18:37:56.667 * monotonic clock: POSIX clock_gettime
        21560:M 01 Dec 2026 18:37:56.667 # Warning: Could not create server TCP listening socket ::1:18081: bind: Address already in use
        21560:M 01 Dec 2026 18:37:56.667 # Failed listening on port 18081 (TCP), aborting.
        """;
}
