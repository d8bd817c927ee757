using Aurora.Core.Health;

namespace Aurora.Core.Tests.Health;

/// A probe that records when each check starts and how many run at once, and behaves as told.
internal sealed class FakeProbe(TimeProvider time, Func<CancellationToken, Task<HealthResult>> behaviour) : IHealthProbe
{
    public static readonly HealthResult Ok = new(true, "ok", TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _starts = [];
    private readonly List<CancellationToken> _tokens = [];
    private int _running;

    public FakeProbe(TimeProvider time) : this(time, _ => Task.FromResult(Ok))
    {
    }

    public int MaxConcurrent { get; private set; }

    public IReadOnlyList<DateTimeOffset> Starts
    {
        get
        {
            lock (_gate)
            {
                return [.. _starts];
            }
        }
    }

    public IReadOnlyList<CancellationToken> Tokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokens];
            }
        }
    }

    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _starts.Add(time.GetUtcNow());
            _tokens.Add(ct);
            MaxConcurrent = Math.Max(MaxConcurrent, ++_running);
        }

        try
        {
            // ConfigureAwait(false): stay inline with the fake clock, never hop to a test's context.
            return await behaviour(ct).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _running--;
            }
        }
    }

    /// Hangs until its token is cancelled, then throws like most async APIs do.
    public static Task<HealthResult> HangUntilCancelled(CancellationToken ct)
    {
        var tcs = new TaskCompletionSource<HealthResult>();
        ct.Register(() => tcs.TrySetCanceled(ct));
        return tcs.Task;
    }

    /// Takes `duration` of fake time, honouring its token.
    public static Func<CancellationToken, Task<HealthResult>> Takes(TimeSpan duration, TimeProvider time) =>
        async ct =>
        {
            await Task.Delay(duration, time, ct).ConfigureAwait(false);
            return Ok;
        };
}
