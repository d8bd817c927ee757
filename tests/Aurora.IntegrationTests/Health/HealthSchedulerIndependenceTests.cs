using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Health;

public class HealthSchedulerIndependenceTests(ITestOutputHelper output)
{
    private static HealthCheckConfig Http(Uri url, double intervalMs, double timeoutMs) =>
        new(HealthCheckKind.Http, url.ToString(), ImmutableArray<string>.Empty,
            TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromMilliseconds(timeoutMs), 3, TimeSpan.Zero);

    /// The issue's key test: a service whose endpoint accepts and never answers must not move another
    /// service's check times. A behavioural bound (100 ms), not a benchmark.
    [Fact(Timeout = 30000)]
    public async Task Hung_endpoint_does_not_shift_a_healthy_services_cadence()
    {
        var time = TimeProvider.System;
        await using var hungServer = new RawHttpServer(status: null);
        await using var okServer = new RawHttpServer(200);
        await using var scheduler = new HealthScheduler(time);

        var hungCfg = Http(hungServer.Url, intervalMs: 1000, timeoutMs: 1000);
        var okCfg = Http(okServer.Url, intervalMs: 200, timeoutMs: 1000);
        var hungResults = new List<HealthResult>();
        var okStarts = new List<long>();
        var okResults = new List<HealthResult>();
        const int Wanted = 16; // ~3 s at 200 ms
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        scheduler.Schedule(hungCfg, HttpProbe(hungCfg, time), r => { lock (hungResults) { hungResults.Add(r); } });
        var okProbe = new StartRecordingProbe(HttpProbe(okCfg, time), time, okStarts);
        scheduler.Schedule(okCfg, okProbe, r =>
        {
            lock (okResults)
            {
                okResults.Add(r);
                if (okResults.Count == Wanted)
                {
                    enough.TrySetResult();
                }
            }
        });

        await enough.Task.WaitAsync(TestContext.Current.CancellationToken).DefaultTimeout();

        long[] starts;
        lock (okStarts)
        {
            starts = [.. okStarts.Take(Wanted)];
        }

        var deviations = starts.Select((s, i) =>
            (time.GetElapsedTime(starts[0], s) - TimeSpan.FromMilliseconds(200 * i)).TotalMilliseconds).ToArray();
        output.WriteLine($"healthy check start deviation from cadence (ms): {string.Join(" ", deviations.Select(d => d.ToString("0.0")))}");
        output.WriteLine($"max |deviation| {deviations.Max(Math.Abs):0.0} ms; hung results: {string.Join(", ", hungResults.Select(r => r.Detail))}");

        Assert.All(deviations, d => Assert.InRange(d, -100, 100));
        lock (okResults)
        {
            Assert.All(okResults, r => Assert.True(r.Healthy, r.Detail));
        }

        lock (hungResults)
        {
            Assert.NotEmpty(hungResults);
            Assert.All(hungResults, r => Assert.True(r.TimedOut, r.Detail));
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
