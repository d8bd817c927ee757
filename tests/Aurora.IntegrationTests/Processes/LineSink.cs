using System.Text;
using Aurora.Core.Processes;

namespace Aurora.IntegrationTests.Processes;

/// Collects a child's output as lines and lets a test await a line instead of sleeping.
internal sealed class LineSink : IOutputSink
{
    private readonly Lock gate = new();
    private readonly List<string> lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> waiters = [];
    private readonly List<byte> partial = [];
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int writers;

    /// Set when Write was ever entered by two readers at once (the sink contract forbids it).
    public bool OverlappingWrites { get; private set; }

    public Task Completed => completed.Task;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return lines.ToList();
            }
        }
    }

    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (Interlocked.Increment(ref writers) > 1)
        {
            OverlappingWrites = true;
        }

        lock (gate)
        {
            foreach (var b in chunk)
            {
                if (b == (byte)'\n')
                {
                    AddLine();
                }
                else
                {
                    partial.Add(b);
                }
            }
        }

        Interlocked.Decrement(ref writers);
    }

    public void Complete()
    {
        lock (gate)
        {
            if (partial.Count > 0)
            {
                AddLine();
            }

            foreach (var (_, found) in waiters)
            {
                found.TrySetException(new InvalidOperationException($"output ended without the line; got: {string.Join(" | ", lines)}"));
            }

            waiters.Clear();
        }

        completed.TrySetResult();
    }

    public Task<string> WaitForLineAsync(string prefix, CancellationToken ct) =>
        WaitForLineAsync(l => l.StartsWith(prefix, StringComparison.Ordinal)).WaitAsync(ct);

    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        lock (gate)
        {
            if (lines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (completed.Task.IsCompleted)
            {
                found.SetException(new InvalidOperationException("output already ended"));
            }
            else
            {
                waiters.Add((match, found));
            }

            return found.Task;
        }
    }

    private void AddLine()
    {
        var line = Encoding.UTF8.GetString(partial.ToArray());
        partial.Clear();
        lines.Add(line);
        for (var i = waiters.Count - 1; i >= 0; i--)
        {
            if (waiters[i].Match(line))
            {
                waiters[i].Found.TrySetResult(line);
                waiters.RemoveAt(i);
            }
        }
    }
}
