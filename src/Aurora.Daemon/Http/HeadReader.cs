using System.Runtime.CompilerServices;

namespace Aurora.Daemon.Http;

/// Reads the next request head of a connection.
internal static class HeadReader
{
    /// The next request's head, or null when the client closed the connection between requests.
    /// `started` turns true once a byte of this request has arrived (a timeout then deserves a 408).
    public static async Task<HttpRequest?> ReadAsync(ConnectionStream connection, StrongBox<bool> started, CancellationToken ct)
    {
        var scanner = new HeadScanner();
        while (true)
        {
            var consumed = scanner.Scan(connection.Buffered, out var headLength);
            if (consumed > 0 && headLength == 0)
            {
                // An empty line before the request line: dropped.
                connection.Consume(consumed);
                continue;
            }

            if (consumed > 0)
            {
                var request = HttpRequest.Parse(connection.Buffered[..headLength]);
                connection.Consume(consumed);
                return request;
            }

            started.Value |= !connection.Buffered.IsEmpty;
            if (!await connection.FillAsync(HttpRequest.MaxHeadBytes, ct))
            {
                return connection.Buffered.IsEmpty ? null : throw new HttpProtocolException(400, "bad_request", "the connection closed mid-request");
            }

            started.Value = true;
        }
    }
}
