using System.Buffers;
using System.Text;

namespace Aurora.Daemon.Http;

/// Reads a request's body whole (at most MaxBodyBytes) and hands it to its route (`POST /api/v1/ask` takes
/// JSON), keeping the connection in step for the next request. Framing is read strictly (RFC 9112 §6): anything two parsers could read two ways
/// (Transfer-Encoding beside Content-Length, a coding that merely ends in "chunked", a signed length)
/// is refused and the connection closed.
internal static class BodyReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    // A chunk-size line (with extensions) or a trailer line longer than this is refused.
    private const int MaxLineBytes = 8 * 1024;
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(ConnectionStream connection, HttpRequest request, CancellationToken ct)
    {
        var (chunked, length) = Framing(request);
        if (!chunked && length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (request.HeaderHasToken("Expect", "100-continue"))
        {
            await connection.WriteAsync(Continue, ct);
        }

        var body = new ArrayBufferWriter<byte>((int)Math.Max(length, 256));
        if (chunked)
        {
            await ReadChunkedAsync(connection, body, ct);
        }
        else
        {
            await CopyAsync(connection, length, body, ct);
        }

        return body.WrittenMemory;
    }

    /// Whether the body is chunked, else its length (0 without either header).
    public static (bool Chunked, long Length) Framing(HttpRequest request)
    {
        var te = request.Header("Transfer-Encoding");
        var cl = request.Header("Content-Length");
        if (te is not null && cl is not null)
        {
            throw new HttpProtocolException(400, "bad_request", "a request may not carry both Transfer-Encoding and Content-Length");
        }

        if (te is not null)
        {
            return te.Equals("chunked", StringComparison.OrdinalIgnoreCase)
                ? (true, 0)
                : throw new HttpProtocolException(501, "unsupported_transfer_encoding", $"Transfer-Encoding {te} is not supported; only chunked is");
        }

        return (false, cl is null ? 0 : ContentLength(cl));
    }

    // 1*DIGIT (RFC 9110 §8.6): no sign, no spaces, no list of values.
    private static long ContentLength(string value)
    {
        if (value.Length == 0 || !value.All(char.IsAsciiDigit))
        {
            throw new HttpProtocolException(400, "bad_request", $"invalid Content-Length \"{value}\"");
        }

        long length = 0;
        foreach (var digit in value)
        {
            length = (length * 10) + (digit - '0');
            if (length > MaxBodyBytes)
            {
                throw BodyTooLarge();
            }
        }

        return length;
    }

    private static async Task ReadChunkedAsync(ConnectionStream connection, ArrayBufferWriter<byte> body, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            var size = ChunkSize(await ReadLineAsync(connection, ct), MaxBodyBytes - total);
            total += size;
            if (size == 0)
            {
                // Trailer fields, up to the blank line; together no larger than a head.
                var trailers = 0;
                while (await ReadLineAsync(connection, ct) is { Length: > 0 } line)
                {
                    if ((trailers += line.Length + 2) > HttpRequest.MaxHeadBytes)
                    {
                        throw new HttpProtocolException(431, "request_too_large", $"the trailer fields are larger than {HttpRequest.MaxHeadBytes} bytes");
                    }
                }

                return;
            }

            await CopyAsync(connection, size, body, ct);
            if ((await ReadLineAsync(connection, ct)).Length != 0)
            {
                throw new HttpProtocolException(400, "bad_request", "chunk data longer than its size");
            }
        }
    }

    /// chunk-size = 1*HEXDIG, then optional extensions after ';' (RFC 9112 §7.1). Checked against what is
    /// left of the body limit digit by digit, so no size can overflow a running total.
    private static long ChunkSize(string line, long left)
    {
        var semicolon = line.IndexOf(';');
        var digits = semicolon < 0 ? line : line[..semicolon].TrimEnd(' ', '\t');
        if (digits.Length == 0 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new HttpProtocolException(400, "bad_request", "invalid chunk size");
        }

        long size = 0;
        foreach (var digit in digits)
        {
            size = (size * 16) + (char.IsAsciiDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10);
            if (size > left)
            {
                throw BodyTooLarge();
            }
        }

        return size;
    }

    private static HttpProtocolException BodyTooLarge() =>
        new(413, "body_too_large", $"request bodies are limited to {MaxBodyBytes} bytes");

    private static async Task CopyAsync(ConnectionStream connection, long count, ArrayBufferWriter<byte> body, CancellationToken ct)
    {
        while (count > 0)
        {
            if (connection.Buffered.IsEmpty && !await connection.FillAsync(HttpRequest.MaxHeadBytes, ct))
            {
                throw new HttpProtocolException(400, "bad_request", "the connection closed mid-body");
            }

            var take = (int)Math.Min(count, connection.Buffered.Length);
            body.Write(connection.Buffered[..take]);
            connection.Consume(take);
            count -= take;
        }
    }

    private static async Task<string> ReadLineAsync(ConnectionStream connection, CancellationToken ct)
    {
        while (true)
        {
            var end = connection.Buffered.IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.Latin1.GetString(connection.Buffered[..end]);
                connection.Consume(end + 2);
                return line;
            }

            if (!await connection.FillAsync(MaxLineBytes, ct, "a chunk-size or trailer line"))
            {
                throw new HttpProtocolException(400, "bad_request", "the connection closed mid-body");
            }
        }
    }
}
