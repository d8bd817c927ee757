namespace Aurora.Core.Tests.Logs;

/// A fresh directory per test, removed afterwards.
public sealed class TempLogDirectory : IDisposable
{
    public TempLogDirectory() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aurora-logs-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// Lines of NAME.log.N … NAME.log.1, NAME.log concatenated, oldest first, split on '\n'.
    public List<string> AllLines(string service)
    {
        var files = new List<string>();
        for (var k = 1; System.IO.File.Exists(File($"{service}.log.{k}")); k++)
        {
            files.Insert(0, File($"{service}.log.{k}"));
        }

        if (System.IO.File.Exists(File($"{service}.log")))
        {
            files.Add(File($"{service}.log"));
        }

        var lines = new List<string>();
        foreach (var file in files)
        {
            var text = System.IO.File.ReadAllText(file);
            Assert.True(text.Length == 0 || text.EndsWith('\n'), $"{file} ends mid-line");
            lines.AddRange(text.Split('\n')[..^1]);
        }

        return lines;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
