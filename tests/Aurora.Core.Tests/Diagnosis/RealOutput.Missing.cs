namespace Aurora.Core.Tests.Diagnosis;

internal static partial class RealOutput
{
    public const string NodeSpawnEnoent = """
        node:events:502
              throw er; // Unhandled 'error' event
              ^

        Error: spawn ffmpeg-worker ENOENT
            at ChildProcess._handle.onexit (node:internal/child_process:285:19)
            at onErrorNT (node:internal/child_process:483:16)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21)
        Emitted 'error' event on ChildProcess instance at:
            at ChildProcess._handle.onexit (node:internal/child_process:291:12)
            at onErrorNT (node:internal/child_process:483:16)
            at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {
          errno: -2,
          code: 'ENOENT',
          syscall: 'spawn ffmpeg-worker',
          path: 'ffmpeg-worker',
          spawnargs: [ '-i', 'x' ]
        }

        Node.js v20.20.2
        """;

    public const string PythonSpawnEnoent = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/subprocess.py", line 548, in run
            with Popen(*popenargs, **kwargs) as process:
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/subprocess.py", line 1026, in __init__
            self._execute_child(args, executable, preexec_fn, close_fds,
          File "/root/.pyenv/versions/3.11.7/lib/python3.11/subprocess.py", line 1950, in _execute_child
            raise child_exception_type(errno_num, err_msg, err_filename)
        FileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg-worker'
        """;

    public const string SharedLibraryMissing = """
        ./server: error while loading shared libraries: libgreet.so: cannot open shared object file: No such file or directory
        """;

    public const string PythonModuleMissing = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
        ModuleNotFoundError: No module named 'redis'
        """;

    public const string PythonImportError = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
        ImportError: cannot import name 'nosuchthing' from 'json' (/root/.pyenv/versions/3.11.7/lib/python3.11/json/__init__.py)
        """;

    public const string NodeModuleMissing = """
        node:internal/modules/cjs/loader:1210
          throw err;
          ^

        Error: Cannot find module 'express'
        Require stack:
        - /tmp/cap/[eval]
            at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)
            at Module._load (node:internal/modules/cjs/loader:1038:27)
            at Module.require (node:internal/modules/cjs/loader:1289:19)
            at require (node:internal/modules/helpers:182:18)
            at [eval]:1:1
            at runScriptInThisContext (node:internal/vm:209:10)
            at node:internal/process/execution:118:14
            at [eval]-wrapper:6:24
            at runScript (node:internal/process/execution:101:62)
            at evalScript (node:internal/process/execution:133:3) {
          code: 'MODULE_NOT_FOUND',
          requireStack: [ '/tmp/cap/[eval]' ]
        }

        Node.js v20.20.2
        """;

    public const string NodeEsmPackageMissing = """
        node:internal/modules/esm/resolve:873
          throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
                ^

        Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'express' imported from /tmp/cap/m.mjs
            at packageResolve (node:internal/modules/esm/resolve:873:9)
            at moduleResolve (node:internal/modules/esm/resolve:946:18)
            at defaultResolve (node:internal/modules/esm/resolve:1188:11)
            at ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)
            at #cachedDefaultResolve (node:internal/modules/esm/loader:657:25)
            at ModuleLoader.resolve (node:internal/modules/esm/loader:640:38)
            at ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:264:38)
            at ModuleJob._link (node:internal/modules/esm/module_job:168:49) {
          code: 'ERR_MODULE_NOT_FOUND'
        }

        Node.js v20.20.2
        """;

    public const string DotnetAssemblyMissing = """
        Unhandled exception. System.IO.FileNotFoundException: Could not load file or assembly 'Greet, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null'. The system cannot find the file specified.

        File name: 'Greet, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null'
           at Program.<<Main>$>g__Greetings|0_1() in /tmp/cap/dn/app/Program.cs:line 23
           at Program.<Main>$(String[] args) in /tmp/cap/dn/app/Program.cs:line 6
        """;
}
