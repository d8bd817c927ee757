using System.Collections.Immutable;
using System.Text;
using Aurora.Core.Processes;

namespace Aurora.Porting.Import.Pm2;

/// Runs an ecosystem.config.js with node and returns what it exports, as JSON: `node -e` requires the file (its
/// code runs, with the user's permissions: `--allow-js` only) and writes the exported object to a temporary file.
public static class NodeEvaluator
{
    private const string Script =
        "const path = require('path'); const m = require(path.resolve(process.argv[1]));" +
        "require('fs').writeFileSync(process.argv[2], JSON.stringify(m && m.default ? m.default : m));";

    public static string Evaluate(string file) => Evaluate(file, new PosixProcessLauncher(), TimeSpan.FromSeconds(30));

    public static string Evaluate(string file, IProcessLauncher launcher, TimeSpan timeout)
    {
        var output = Path.Combine(Path.GetTempPath(), $"aurora-import-{Guid.NewGuid():N}.json");
        var log = new CollectingSink();
        try
        {
            var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToImmutableDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
            IRunningProcess process;
            try
            {
                process = launcher.Start(new ProcessSpec(["node", "-e", Script, Path.GetFullPath(file), output],
                    Path.GetDirectoryName(Path.GetFullPath(file))!, env, null, log));
            }
            catch (ProcessSpawnException e)
            {
                throw new ImportException($"{Path.GetFileName(file)}: node is needed to read a .js ecosystem file: {e.Message}");
            }

            ExitStatus status;
            try
            {
                status = process.Exited.WaitAsync(timeout, TimeProvider.System).GetAwaiter().GetResult();
            }
            catch (TimeoutException)
            {
                process.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult();
                throw new ImportException($"{Path.GetFileName(file)}: node did not finish within {timeout.TotalSeconds:0}s");
            }

            return status.Success && File.Exists(output)
                ? File.ReadAllText(output)
                : throw new ImportException($"{Path.GetFileName(file)}: node could not load it ({status}): {log.Text.Trim()}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    private sealed class CollectingSink : IOutputSink
    {
        private readonly MemoryStream bytes = new();

        public string Text
        {
            get
            {
                lock (bytes)
                {
                    return Encoding.UTF8.GetString(bytes.ToArray());
                }
            }
        }

        public void Write(ReadOnlySpan<byte> chunk)
        {
            lock (bytes)
            {
                if (bytes.Length < 64 * 1024)
                {
                    bytes.Write(chunk);
                }
            }
        }

        public void Complete()
        {
        }
    }
}
