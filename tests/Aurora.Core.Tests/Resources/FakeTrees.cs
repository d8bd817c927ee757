using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

/// Process trees the test sets: pid -> CPU ticks so far and RSS. A pid not set is gone.
internal sealed class FakeTrees : ITreeReader
{
    private readonly Dictionary<int, TreeUsage> _trees = [];

    public void Set(int pid, long cpuTicks, long rssBytes)
    {
        lock (_trees)
        {
            _trees[pid] = new TreeUsage(cpuTicks, rssBytes);
        }
    }

    public void EndTick()
    {
    }

    public bool TryRead(int pid, out TreeUsage usage)
    {
        lock (_trees)
        {
            return _trees.TryGetValue(pid, out usage);
        }
    }
}
