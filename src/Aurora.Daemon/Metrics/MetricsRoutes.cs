using System.Buffers;
using System.Text;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Metrics;

/// GET /metrics (SPEC §7): the Prometheus text format, on the unix socket and, behind the bearer token like every
/// other route, on the dashboard listener; `metrics: { public: true }` lets it through without the token there
/// (read at each request, so a reload applies at once; the guard honours it on a loopback listener only).
internal static class MetricsRoutes
{
    public const string Path = "/metrics";

    public static void Map(Router router, DaemonMetrics metrics, Func<bool> isPublic)
    {
        var buffers = new TextBuffers();
        router.Get(Path, async x =>
        {
            var text = buffers.Take();
            try
            {
                metrics.Write(text);
                await SendAsync(x, text);
            }
            finally
            {
                buffers.Return(text);
            }
        });
        router.Public(Path, isPublic);
    }

    private static async Task SendAsync(HttpExchange x, StringBuilder text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = 0;
            foreach (var chunk in text.GetChunks())
            {
                length += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(length));
            }

            x.SetHeader("Cache-Control", "no-store");
            await x.BytesAsync(200, bytes.AsMemory(0, length), PrometheusText.ContentType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// One StringBuilder kept between scrapes (at 1,000 services an exposition is about 1.5 MB of text): a scrape
    /// takes it, a concurrent one makes its own, and the kept one is never one that grew past MaxKept.
    private sealed class TextBuffers
    {
        private const int MaxKept = 16 * 1024 * 1024;

        private StringBuilder? _kept;

        public StringBuilder Take() => Interlocked.Exchange(ref _kept, null)?.Clear() ?? new StringBuilder(64 * 1024);

        public void Return(StringBuilder text)
        {
            if (text.Capacity <= MaxKept)
            {
                Interlocked.Exchange(ref _kept, text);
            }
        }
    }
}
