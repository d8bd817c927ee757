using System.Runtime.InteropServices;
using System.Text;

namespace Aurora.Core.Processes;

/// A NULL-terminated array of NUL-terminated UTF-8 strings in native memory (argv, envp).
internal sealed unsafe class NativeStringArray : IDisposable
{
    private readonly byte** items;
    private readonly int count;

    public NativeStringArray(IReadOnlyList<string> values)
    {
        count = values.Count;
        items = (byte**)NativeMemory.AllocZeroed((nuint)(count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < count; i++)
        {
            var bytes = Encoding.UTF8.GetByteCount(values[i]);
            var item = (byte*)NativeMemory.Alloc((nuint)bytes + 1);
            Encoding.UTF8.GetBytes(values[i], new Span<byte>(item, bytes));
            item[bytes] = 0;
            items[i] = item;
        }
    }

    public byte** Pointer => items;

    public void Dispose()
    {
        for (var i = 0; i < count; i++)
        {
            NativeMemory.Free(items[i]);
        }

        NativeMemory.Free(items);
    }
}
