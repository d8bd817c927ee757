using System.Threading.Channels;
using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

/// The in-memory history, telling the test about each append (the sampler's only visible act when it turns off).
internal sealed class RecordingHistory(MemoryResourceHistory inner) : IResourceHistory
{
    public Channel<IReadOnlyList<MinuteSample>> Appended { get; } = Channel.CreateUnbounded<IReadOnlyList<MinuteSample>>();

    public void Append(IReadOnlyList<MinuteSample> minutes)
    {
        inner.Append(minutes);
        Appended.Writer.TryWrite([.. minutes]);
    }

    public Task<IReadOnlyList<MinuteSample>> ReadAsync(string? service, DateTimeOffset since, CancellationToken ct) =>
        inner.ReadAsync(service, since, ct);

    public void Retain(TimeSpan history) => inner.Retain(history);
}
