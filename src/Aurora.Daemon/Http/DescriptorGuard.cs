namespace Aurora.Daemon.Http;

/// Keeps the daemon's last descriptors for supervising (spawning a service takes pipes, the runtime opens an
/// assembly on first use, the store a file): a connection accepted when fewer than Reserve would be left free is
/// answered 503 `out_of_descriptors` and closed, instead of the runtime failing later for want of one. The first
/// refusal and the recovery are each said once in the daemon's log. At most MaxRefusing refused connections are
/// answered at a time; the others are closed at once.
internal sealed class DescriptorGuard
{
    public const int MaxRefusing = 8;

    private readonly Func<int> _open;
    private readonly Action<string> _log;
    private readonly Lock _gate = new();
    private bool _short;
    private int _refusing;

    public DescriptorGuard(int limit, int reserve, Func<int> open, Action<string> log)
    {
        Limit = limit;
        Reserve = reserve;
        _open = open;
        _log = log;
    }

    public int Limit { get; }

    public int Reserve { get; }

    /// This process: its `ulimit -n`, a quarter of it (at least 32) kept back, /proc/self/fd counted.
    public static DescriptorGuard ForThisProcess(Action<string> log)
    {
        var limit = Descriptors.SoftLimit();
        return new DescriptorGuard(limit, limit == int.MaxValue ? 0 : Math.Max(32, limit / 4), Descriptors.CountOpen, log);
    }

    /// Null when the connection just accepted may be served; else why it is refused.
    public string? Admit()
    {
        if (Limit == int.MaxValue)
        {
            return null;
        }

        var open = _open();
        var room = open <= Limit - Reserve;
        string? said = null;
        lock (_gate)
        {
            if (room == _short)
            {
                _short = !room;
                said = room
                    ? $"aurora: file descriptors available again ({open} of {Limit} open): accepting connections"
                    : $"aurora: {Describe(open)}; connections are refused (503 out_of_descriptors) until some close";
            }
        }

        if (said is not null)
        {
            _log(said);
        }

        return room ? null : $"the daemon is out of file descriptors: {Describe(open)}; close idle connections or raise `ulimit -n`";
    }

    /// False when MaxRefusing refusals are being answered already: close this one without an answer.
    public bool TryStartRefusal()
    {
        lock (_gate)
        {
            if (_refusing >= MaxRefusing)
            {
                return false;
            }

            _refusing++;
            return true;
        }
    }

    public void EndRefusal()
    {
        lock (_gate)
        {
            _refusing--;
        }
    }

    private string Describe(int open) => open == int.MaxValue
        ? $"all {Limit} descriptors (ulimit -n) are open, {Reserve} are kept for supervising"
        : $"{open} of {Limit} descriptors (ulimit -n) are open, the last {Reserve} are kept for supervising";
}
