namespace Aurora.Core.Logs;

public sealed partial class ServiceLog
{
    /// `lines` is one or more complete lines, each ending in '\n'. They are written as one batch
    /// (split only where a rotation falls between them), then published to followers.
    internal void AppendLines(ReadOnlySpan<byte> lines)
    {
        List<LogRotated>? rotations = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var maxSize = _config.MaxSizeBytes;
            var segmentStart = 0;
            var position = 0;
            while (position < lines.Length)
            {
                var newline = lines[position..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    throw new ArgumentException("Only complete lines may be appended.", nameof(lines));
                }

                var lineLength = newline + 1;
                var segmentLength = position - segmentStart;

                // Rotate before a line that would push the file past max_size, unless the file is
                // empty: a line larger than max_size is still written whole, alone in its file.
                if (maxSize > 0 && _size + segmentLength > 0 && _size + segmentLength + lineLength > maxSize)
                {
                    WriteToFile(lines[segmentStart..position]);
                    if (Rotate() is { } rotation)
                    {
                        (rotations ??= []).Add(rotation);
                    }

                    segmentStart = position;
                }

                var text = LineText.Decode(lines.Slice(position, newline));
                _recent.Add(text);
                _unpublished.Add(text);
                position += lineLength;
            }

            WriteToFile(lines[segmentStart..]);
            Publish();
        }

        if (rotations is not null && _onRotated is not null)
        {
            foreach (var rotation in rotations)
            {
                _onRotated(rotation);
            }
        }
    }

    private void WriteToFile(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        try
        {
            // Unbuffered stream: this write is the flush, so tail -f sees the batch at once.
            _file ??= OpenFile();
            _file.Write(bytes);
            _size += bytes.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk must not stop the service or its output pump. The lines still reach the
            // ring and followers (the evidence for disk_full); the file is reopened on the next write.
            CloseFile();
            _size = LengthOrZero(FilePath);
        }
    }

    private LogRotated? Rotate()
    {
        var bytes = _size;
        var keep = _config.Keep;
        CloseFile();
        _size = 0;
        try
        {
            if (keep <= 0)
            {
                File.Delete(FilePath);
                return new LogRotated(_service, FilePath, bytes);
            }

            // Whatever lies beyond keep (also left over from a larger keep) goes first.
            for (var k = keep; File.Exists(RotatedPath(k)); k++)
            {
                File.Delete(RotatedPath(k));
            }

            for (var k = keep - 1; k >= 1; k--)
            {
                var from = RotatedPath(k);
                if (File.Exists(from))
                {
                    File.Move(from, RotatedPath(k + 1), overwrite: true);
                }
            }

            File.Move(FilePath, RotatedPath(1), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Could not rotate: keep appending to what is there rather than lose lines.
            _size = LengthOrZero(FilePath);
            return null;
        }

        return new LogRotated(_service, RotatedPath(1), bytes);
    }

    private void Publish()
    {
        for (var i = _followers.Count - 1; i >= 0; i--)
        {
            var writer = _followers[i].Writer;
            foreach (var line in _unpublished)
            {
                if (!writer.TryWrite(line))
                {
                    // Cut the slow follower off rather than make the service wait for it.
                    writer.TryComplete(new LogFollowerOverflowException(
                        $"The follower of {_service} fell more than {FollowerQueueCapacity} lines behind and was cut off."));
                    _followers.RemoveAt(i);
                    break;
                }
            }
        }

        _unpublished.Clear();
    }

    private FileStream OpenFile()
    {
        Directory.CreateDirectory(_directory);
        var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _size = file.Length;
        return file;
    }

    private void CloseFile()
    {
        try
        {
            _file?.Dispose();
        }
        catch (IOException)
        {
            // Nothing is buffered (bufferSize 0), so there is nothing to lose here.
        }

        _file = null;
    }

    private string RotatedPath(int k) => FilePath + "." + k;

    private static long LengthOrZero(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }
}
