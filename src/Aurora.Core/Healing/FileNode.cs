using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Aurora.Core.Healing;

public enum NodeType { Missing, File, Directory, Link, Other }

/// One directory entry as it is, never followed (lstat): a symbolic link is a link, whatever it points at.
/// .NET's File and Directory APIs follow links (Exists, GetUnixFileMode, Copy), so the healer asks this.
public sealed partial record FileNode(NodeType Type, UnixFileMode Mode, DateTimeOffset Modified)
{
    public static readonly FileNode Missing = new(NodeType.Missing, 0, DateTimeOffset.MinValue);

    // statx(2), rather than lstat: its struct has one layout on every architecture.
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxBasicStats = 0x7ff, StatxSize = 256;
    private const int ModeOffset = 0x1C, MtimeOffset = 0x70;
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000, LinkType = 0xA000;

    public static unsafe FileNode Of(string path)
    {
        var buffer = stackalloc byte[StatxSize];
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            return Missing;
        }

        var bytes = new ReadOnlySpan<byte>(buffer, StatxSize);
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(bytes[ModeOffset..]);
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(bytes[MtimeOffset..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(MtimeOffset + 8)..]);
        var type = (mode & TypeMask) switch
        {
            RegularType => NodeType.File,
            DirectoryType => NodeType.Directory,
            LinkType => NodeType.Link,
            _ => NodeType.Other,
        };
        var modified = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100);
        return new FileNode(type, (UnixFileMode)(mode & 0xFFF), modified);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string path, int flags, int mask, byte* buffer);
}
