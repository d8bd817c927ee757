using System.Text;

namespace Aurora.Core;

/// A stable, non-cryptographic 64-bit hash (FNV-1a) as hex: for ids and grouping keys, where a collision
/// costs nothing worse than a shared bucket. Keeps OpenSSL (libcrypto, ~3 MB resident) out of the daemon.
public static class StableHash
{
    public static string Hex(string text, int length = 16)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash.ToString("x16")[..length];
    }
}
