namespace Aurora.Daemon.Resources;

/// One stream connection's place in the sample feed: the version it sent last. It starts at the feed's newest,
/// so a connection never gets a sample from before it joined.
internal sealed class SampleCursor(SampleFeed feed)
{
    private long _sent = feed.Version;

    /// The newest sample when it is newer than the last one taken, else null.
    public byte[]? TakeNewer()
    {
        if (feed.Latest is not { } latest || latest.Version <= _sent)
        {
            return null;
        }

        _sent = latest.Version;
        return latest.Utf8;
    }

    /// Completes once the feed has a sample newer than the last one taken.
    public Task NextAsync() => feed.NewerThan(_sent);
}
