namespace Aurora.Daemon.Resources;

/// One `resource.sample` line, as sent on the stream; Version counts the samples published.
internal sealed record SampleMessage(long Version, byte[] Utf8);
