namespace Aurora.Core.Tests.Diagnosis;

internal static partial class RealOutput
{
    public const string PythonSpawnEacces = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/subprocess.py", line 548, in run
            with Popen(*popenargs, **kwargs) as process:
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/subprocess.py", line 1026, in __init__
            self._execute_child(args, executable, preexec_fn, close_fds,
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/subprocess.py", line 1950, in _execute_child
            raise child_exception_type(errno_num, err_msg, err_filename)
        PermissionError: [Errno 13] Permission denied: './bin/migrate'
        """;

    public const string NodeSpawnEacces = """
        node:events:502
              throw er; // Unhandled 'error' event
              ^

        Error: spawn ./bin/migrate EACCES
            at ChildProcess._handle.onexit (node:internal/child_process:285:19)
            at onErrorNT (node:internal/child_process:483:16)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21)
        Emitted 'error' event on ChildProcess instance at:
            at ChildProcess._handle.onexit (node:internal/child_process:291:12)
            at onErrorNT (node:internal/child_process:483:16)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {
          errno: -13,
          code: 'EACCES',
          syscall: 'spawn ./bin/migrate',
          path: './bin/migrate',
          spawnargs: []
        }

        Node.js v20.20.2
        """;

    public const string PythonOpenEacces = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
        PermissionError: [Errno 13] Permission denied: 'rootonly/x.db'
        """;

    public const string PythonPrivilegeDropEperm = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
        PermissionError: [Errno 1] Operation not permitted
        """;

    public const string NodeOpenEacces = """
        node:fs:2380
            return binding.writeFileUtf8(
                           ^

        Error: EACCES: permission denied, open 'rootonly/x.db'
            at Object.writeFileSync (node:fs:2380:20)
            at [eval]:1:15
            at runScriptInThisContext (node:internal/vm:209:10)
            at node:internal/process/execution:118:14
            at [eval]-wrapper:6:24
            at runScript (node:internal/process/execution:101:62)
            at evalScript (node:internal/process/execution:133:3)
            at node:internal/main/eval_string:51:3 {
          errno: -13,
          code: 'EACCES',
          syscall: 'open',
          path: 'rootonly/x.db'
        }

        Node.js v20.20.2
        """;

    public const string NodePrivilegeDropEperm = """
        node:internal/bootstrap/switches/does_own_process_state:88
              const result = method(id);
                             ^

        Error: EPERM, Operation not permitted
            at process.setgid (node:internal/bootstrap/switches/does_own_process_state:88:22)
            at [eval]:1:9
            at runScriptInThisContext (node:internal/vm:209:10)
            at node:internal/process/execution:118:14
            at [eval]-wrapper:6:24
            at runScript (node:internal/process/execution:101:62)
            at evalScript (node:internal/process/execution:133:3)
            at node:internal/main/eval_string:51:3 {
          errno: 1,
          code: 'EPERM',
          syscall: 'setgid'
        }

        Node.js v20.20.2
        """;

    public const string DashStartScriptToolNotExecutable = """
        starting
        start.sh: 4: ./bin/migrate: Permission denied
        """;

    public const string BashStartScriptToolNotExecutable = """
        starting
        start.sh: line 4: ./bin/migrate: Permission denied
        """;

    public const string PythonNoSpace = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
        OSError: [Errno 28] No space left on device
        """;

    public const string NodeNoSpace = """
        node:fs:2380
            return binding.writeFileUtf8(
                           ^

        Error: ENOSPC: no space left on device, write
            at Object.writeFileSync (node:fs:2380:20)
            at [eval]:1:15
            at runScriptInThisContext (node:internal/vm:209:10)
            at node:internal/process/execution:118:14
            at [eval]-wrapper:6:24
            at runScript (node:internal/process/execution:101:62)
            at evalScript (node:internal/process/execution:133:3)
            at node:internal/main/eval_string:51:3 {
          errno: -28,
          code: 'ENOSPC',
          syscall: 'write'
        }

        Node.js v20.20.2
        """;

    public const string CpNoSpace = """
        cp: error writing '/dev/full': No space left on device
        """;
}
