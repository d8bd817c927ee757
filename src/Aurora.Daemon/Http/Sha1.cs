using System.Buffers.Binary;
using System.Numerics;

namespace Aurora.Daemon.Http;

/// SHA-1 (FIPS 180-4), for the one place HTTP needs it: the WebSocket handshake's Sec-WebSocket-Accept
/// (RFC 6455 §4.2.2), a framing check rather than a security measure. System.Security.Cryptography would
/// load OpenSSL into the daemon (several MB resident for its life) the first time a dashboard connects.
internal static class Sha1
{
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        uint h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;
        var padded = new byte[(data.Length + 8) / 64 * 64 + 64];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)data.Length * 8);

        Span<uint> w = stackalloc uint[80];
        for (var block = 0; block < padded.Length; block += 64)
        {
            for (var i = 0; i < 16; i++)
            {
                w[i] = BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(block + (i * 4)));
            }

            for (var i = 16; i < 80; i++)
            {
                w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
            }

            uint a = h0, b = h1, c = h2, d = h3, e = h4;
            for (var i = 0; i < 80; i++)
            {
                var (f, k) = i switch
                {
                    < 20 => ((b & c) | (~b & d), 0x5A827999u),
                    < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                    < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                    _ => (b ^ c ^ d, 0xCA62C1D6u),
                };
                var t = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
                (e, d, c, b, a) = (d, c, BitOperations.RotateLeft(b, 30), a, t);
            }

            (h0, h1, h2, h3, h4) = (h0 + a, h1 + b, h2 + c, h3 + d, h4 + e);
        }

        var digest = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(digest, h0);
        BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4), h1);
        BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(8), h2);
        BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(12), h3);
        BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(16), h4);
        return digest;
    }
}
