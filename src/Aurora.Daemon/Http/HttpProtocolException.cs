namespace Aurora.Daemon.Http;

/// A request the server cannot take (malformed, too large, unsupported): answered with this status and a
/// JSON error, then the connection is closed, since its framing can no longer be trusted.
internal sealed class HttpProtocolException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
