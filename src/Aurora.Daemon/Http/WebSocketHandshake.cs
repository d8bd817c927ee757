using System.Text;

namespace Aurora.Daemon.Http;

/// The server side of the RFC 6455 §4.2 opening handshake.
internal static class WebSocketHandshake
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// A Sec-WebSocket-Key must be the base64 of 16 bytes (§4.1): 24 characters, nothing else.
    public static bool IsValidKey(string? key)
    {
        Span<byte> nonce = stackalloc byte[16];
        return key is { Length: 24 } && Convert.TryFromBase64String(key, nonce, out var written) && written == 16;
    }

    /// Sec-WebSocket-Accept for a key.
    public static string Accept(string key) =>
        Convert.ToBase64String(Sha1.Hash(Encoding.ASCII.GetBytes(key + Guid)));
}
