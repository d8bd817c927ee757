using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Timing;
using Aurora.IntegrationTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Health;

public class HealthSchedulerIndependenceTests(ITestOutputHelper output)
{
    private static HealthCheckConfig Http(Uri url, double intervalMs, double timeoutMs) =>
        new(HealthCheckKind.Http, url.ToString(), ImmutableArray<string>.Empty,
            TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromMilliseconds(timeoutMs), 3, TimeSpan.Zero);

    /// The issue's key test: a service whose endpoint accepts and never answers must not move another
    /// service's check times. The clock is a fake one, so the cadence is judged exactly, not against a
    /// tolerance: each 200 ms step of the clock must start exactly one healthy check, at that instant,
    /// while the hung check is still waiting for its answer. A scheduler that waited for the hung check
    /// would start nothing on the second step, and the wait for it would fail.
    [Fact(Timeout = 30000)]
    public async Task Hung_endpoint_does_not_shift_a_healthy_services_cadence()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var ct = TestContext.Current.CancellationToken;
        await using var hungServer = new RawHttpServer(status: null);
        await using var okServer = new RawHttpServer(200);
        await using var scheduler = new HealthScheduler(time);

        var hungCfg = Http(hungServer.Url, intervalMs: 1000, timeoutMs: 1000);
        var okCfg = Http(okServer.Url, intervalMs: 200, timeoutMs: 1000);
        var hungResults = new List<HealthResult>();
        var okStarts = new List<long>();
        var okResults = new List<HealthResult>();
        const int Wanted = 16; // 3 s of the fake clock at 200 ms

        scheduler.Schedule(hungCfg, HttpProbe(hungCfg, time), r => { lock (hungResults) { hungResults.Add(r); } });
        var okProbe = new StartRecordingProbe(HttpProbe(okCfg, time), time, okStarts);
        scheduler.Schedule(okCfg, okProbe, r => { lock (okResults) { okResults.Add(r); } });

        for (var i = 0; i < Wanted; i++)
        {
            // Check i has started and answered (a real HTTP exchange) before the clock moves on.
            var answered = await Poll.UntilAsync(() => Count(okResults) > i, TimeSpan.FromMilliseconds(5),
                TimeSpan.FromSeconds(10), TimeProvider.System, ct);
            Assert.True(answered, $"healthy check {i} did not start and answer at its due time (starts so far: {Count(okStarts)})");
            time.Advance(TimeSpan.FromMilliseconds(200));
        }

        long[] starts;
        lock (okStarts)
        {
            starts = [.. okStarts.Take(Wanted)];
        }

        var offsets = starts.Select(s => time.GetElapsedTime(starts[0], s).TotalMilliseconds).ToArray();
        output.WriteLine($"healthy check starts (ms of the fake clock): {string.Join(" ", offsets)}");
        Assert.Equal(Enumerable.Range(0, Wanted).Select(i => 200.0 * i), offsets);
        lock (okResults)
        {
            Assert.All(okResults, r => Assert.True(r.Healthy, r.Detail));
        }

        // 3 s of the clock passed: the hung check timed out (its 1 s timeout), and it did so without an answer.
        Assert.True(await Poll.UntilAsync(() => Count(hungResults) > 0, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10), TimeProvider.System, ct));
        lock (hungResults)
        {
            Assert.All(hungResults, r => Assert.True(r.TimedOut, r.Detail));
        }
    }

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static IHealthProbe HttpProbe(HealthCheckConfig cfg, TimeProvider time) =>
        new HttpProbe(new Uri(cfg.Target), cfg.Timeout, time);

    private sealed class StartRecordingProbe(IHealthProbe inner, TimeProvider time, List<long> starts) : IHealthProbe
    {
        public Task<HealthResult> CheckAsync(CancellationToken ct)
        {
            lock (starts)
            {
                starts.Add(time.GetTimestamp());
            }

            return inner.CheckAsync(ct);
        }
    }
}
