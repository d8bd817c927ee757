using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Aurora.Core.Logs;

/// Reads the last lines of a log file from its end, a block at a time, so the cost is the size of
/// the lines asked for, not of the file.
internal static class LogFileReader
{
    private const int BlockSize = 64 * 1024;

    /// Adds up to `want` lines of the first `length` bytes of `file` to `newestFirst`, newest first.
    /// Returns how many it added.
    public static int ReadLastLines(SafeFileHandle file, long length, int want, List<string> newestFirst)
    {
        if (length <= 0 || want <= 0)
        {
            return 0;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var added = 0;
            var lineEnd = length;
            var blockEnd = length;
            var blockStart = length;
            var blockLength = 0;
            while (blockEnd > 0)
            {
                blockStart = Math.Max(0, blockEnd - BlockSize);
                blockLength = (int)(blockEnd - blockStart);
                var block = buffer.AsSpan(0, blockLength);
                if (ReadAt(file, block, blockStart) < blockLength)
                {
                    // The file shrank under us (truncated by someone else): give what we have.
                    return added;
                }

                if (blockEnd == length && block[^1] == (byte)'\n')
                {
                    // The final '\n' ends the last line; it does not start an empty one.
                    lineEnd = length - 1;
                    block = block[..^1];
                }

                for (var nl = block.LastIndexOf((byte)'\n'); nl >= 0; nl = block.LastIndexOf((byte)'\n'))
                {
                    newestFirst.Add(DecodeRange(file, buffer, blockStart, blockLength, blockStart + nl + 1, lineEnd));
                    if (++added == want)
                    {
                        return added;
                    }

                    lineEnd = blockStart + nl;
                    block = block[..nl];
                }

                blockEnd = blockStart;
            }

            newestFirst.Add(DecodeRange(file, buffer, blockStart, blockLength, 0, lineEnd));
            return added + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string DecodeRange(SafeFileHandle file, byte[] block, long blockStart, int blockLength, long start, long end)
    {
        if (start >= blockStart && end <= blockStart + blockLength)
        {
            return LineText.Decode(block.AsSpan((int)(start - blockStart), (int)(end - start)));
        }

        // The line spans blocks: read it whole.
        var length = (int)(end - start);
        var line = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = ReadAt(file, line.AsSpan(0, length), start);
            return LineText.Decode(line.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    private static int ReadAt(SafeFileHandle file, Span<byte> into, long offset)
    {
        var total = 0;
        while (total < into.Length)
        {
            var read = RandomAccess.Read(file, into[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
