using System.Globalization;
using System.Runtime.InteropServices;

namespace Aurora.Layout;

/// Who owns a file: the `User=` a system unit runs a project as, so `sudo aurora startup` does not hand a
/// user's project to root. statx(2) because its layout is the same on every architecture, unlike stat's.
public static unsafe partial class FileOwner
{
    private const int AtFdCwd = -100;
    private const uint StatxUid = 0x8;
    private const int StatxUidOffset = 20; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid

    /// The owner's uid, or null when the file cannot be looked at.
    public static uint? Uid(string path)
    {
        var buffer = stackalloc byte[256];
        return statx(AtFdCwd, path, 0, StatxUid, buffer) == 0 ? *(uint*)(buffer + StatxUidOffset) : null;
    }

    /// The user name for a uid (the user database, NSS included), or the number when it has no name:
    /// systemd takes either in `User=`.
    public static string UserName(uint uid)
    {
        var entry = stackalloc byte[64]; // struct passwd is 48 bytes on 64-bit Linux; pw_name comes first
        var strings = new byte[16384];
        fixed (byte* buffer = strings)
        {
            byte* result = null;
            if (getpwuid_r(uid, entry, buffer, (nuint)strings.Length, &result) == 0 && result is not null
                && Marshal.PtrToStringUTF8(*(nint*)result) is { Length: > 0 } name)
            {
                return name;
            }
        }

        return uid.ToString(CultureInfo.InvariantCulture);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc")]
    private static partial int getpwuid_r(uint uid, byte* entry, byte* buffer, nuint length, byte** result);
}
