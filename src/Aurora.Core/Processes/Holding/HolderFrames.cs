using System.Collections.Immutable;
using System.Text;

namespace Aurora.Core.Processes.Holding;

/// The frames of the holder protocol, one per SOCK_SEQPACKET message: a type byte, then the fields in
/// BinaryWriter's encoding. The daemon asks (spawn, signal, release); the holder answers and reports (hello
/// with every child it holds, spawned, exited). Both ends are the same binary, so there is no versioning
/// beyond the hello's own version number.
internal static class HolderFrames
{
    public const int Version = 1;

    public const byte Spawn = 1, Signal = 2, Release = 3;
    public const byte Hello = 10, Child = 11, Output = 12, HelloDone = 13, Spawned = 14, Exited = 15;

    public static byte[] Write(byte type, Action<BinaryWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(type);
            fields(writer);
        }

        return stream.ToArray();
    }

    public static BinaryReader Read(byte[] buffer, int length, out byte type)
    {
        var reader = new BinaryReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8);
        type = reader.ReadByte();
        return reader;
    }

    public static void WriteList(BinaryWriter w, IReadOnlyCollection<string> items)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            w.Write(item);
        }
    }

    public static ImmutableArray<string> ReadList(BinaryReader r)
    {
        var count = r.ReadInt32();
        var items = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(r.ReadString());
        }

        return items.MoveToImmutable();
    }

    public static void WriteStatus(BinaryWriter w, ExitStatus? status)
    {
        w.Write(status?.ExitCode ?? -1);
        w.Write(status?.Signal ?? -1);
    }

    public static ExitStatus ReadStatus(BinaryReader r)
    {
        var code = r.ReadInt32();
        var signal = r.ReadInt32();
        return new ExitStatus(code >= 0 ? code : null, signal >= 0 ? signal : null);
    }
}
