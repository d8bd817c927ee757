using Aurora.Core.Config;

namespace Aurora.Core.Watching;

/// One service's `watch:`: inotify through FileSystemWatcher on the directories its globs start in (recursive where a
/// glob reaches below), nothing polled. Changes that match a path and no ignore glob are collected until `debounce`
/// passes without another, then reported once: a burst of a thousand writes is one restart.
public sealed class FileWatch : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _project;
    private readonly WatchConfig _config;
    private readonly ImmutableGlobs _globs;
    private readonly Action<IReadOnlyList<string>> _changed;
    private readonly Action<string> _error;
    private readonly HashSet<string> _reported = [];
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _quiet;
    private readonly List<string> _pending = [];
    private bool _disposed;

    /// changed: the files that changed (at most the first 20 named), after a quiet `debounce`; error: a watch that
    /// could not be set up or failed (the inotify watch limit, say), for people.
    public FileWatch(string projectDirectory, WatchConfig config, TimeProvider time, Action<IReadOnlyList<string>> changed, Action<string> error)
    {
        _project = Path.GetFullPath(projectDirectory);
        _config = config;
        _globs = new ImmutableGlobs([.. config.Paths.Select(p => new Glob(p))], [.. config.Ignore.Select(p => new Glob(p))]);
        _changed = changed;
        _error = error;
        _quiet = time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var root in _globs.Paths.GroupBy(g => g.Root))
        {
            var dir = Path.Combine(_project, root.Key);
            if (!Directory.Exists(dir))
            {
                error($"watch: {root.Key}/ does not exist; nothing under it is watched");
                continue;
            }

            try
            {
                var watcher = new FileSystemWatcher(dir)
                {
                    IncludeSubdirectories = root.Any(g => g.Deep),
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += (_, e) => Seen(e.FullPath);
                watcher.Created += (_, e) => Seen(e.FullPath);
                watcher.Deleted += (_, e) => Seen(e.FullPath);
                watcher.Renamed += (_, e) =>
                {
                    Seen(e.OldFullPath);
                    Seen(e.FullPath);
                };
                watcher.Error += (_, e) => Report($"watch: {Describe(e.GetException())}");
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                error($"watch: {root.Key}/: {Describe(e)}");
            }
        }
    }

    /// Directories watched (their roots; a recursive one covers what is below it).
    public int Roots => _watchers.Count;

    private void Seen(string fullPath)
    {
        var relative = Path.GetRelativePath(_project, fullPath).Replace('\\', '/');
        if (!_globs.Matches(relative))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (!_pending.Contains(relative))
            {
                _pending.Add(relative);
            }

            _quiet.Change(_config.Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// FileSystemWatcher raises an error for every directory it could not watch: a tree of thousands of directories
    /// over the inotify limit would be thousands of the same watch.failed. Each distinct error is reported once.
    private void Report(string problem)
    {
        lock (_gate)
        {
            if (_disposed || !_reported.Add(problem))
            {
                return;
            }
        }

        _error(problem);
    }

    private void Flush()
    {
        List<string> files;
        lock (_gate)
        {
            if (_disposed || _pending.Count == 0)
            {
                return;
            }

            files = [.. _pending];
            _pending.Clear();
        }

        _changed(files);
    }

    /// The inotify limit says so in plain words (FileSystemWatcher's own message names the setting).
    private static string Describe(Exception e) =>
        e.Message.Contains("inotify", StringComparison.OrdinalIgnoreCase)
            ? $"{e.Message} Changes in the directories past the limit are not seen: raise it (sysctl fs.inotify.max_user_watches=524288) or watch fewer directories."
            : e.Message;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _quiet.Dispose();
    }

    private sealed record ImmutableGlobs(IReadOnlyList<Glob> Paths, IReadOnlyList<Glob> Ignore)
    {
        public bool Matches(string relative) => Paths.Any(g => g.Matches(relative)) && !Ignore.Any(g => g.Matches(relative));
    }
}
