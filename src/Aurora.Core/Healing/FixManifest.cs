using System.Text.Json;

namespace Aurora.Core.Healing;

/// `.aurora/backups/FIX-ID/manifest.json`: what a fix snapshotted, and how and when it ended. Written
/// before the fix changes anything (FixTransaction keeps the `pending` marker beside it), so a daemon that
/// dies mid-fix can restore the snapshot at its next start.
public sealed record FixManifest(string FixId, string Fix, string Service, string Cause, string State, IReadOnlyList<SnapshotEntry> Entries,
    DateTimeOffset? Finished = null)
{
    public const string Pending = "pending", Committed = "committed", RolledBack = "rolled_back";

    public void Write(string path)
    {
        try
        {
            WriteTemp(path + ".tmp");
        }
        catch
        {
            // A full disk leaves a partial file: remove it, the previous manifest stands.
            File.Delete(path + ".tmp");
            throw;
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }

    private void WriteTemp(string path)
    {
        using var stream = File.Create(path);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("fix_id", FixId);
            w.WriteString("fix", Fix);
            w.WriteString("service", Service);
            w.WriteString("cause", Cause);
            w.WriteString("state", State);
            if (Finished is { } finished)
            {
                w.WriteString("finished", finished);
            }

            w.WriteStartArray("entries");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("path", e.Path);
                w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
                w.WriteNumber("mode", (int)e.Mode);
                w.WriteBoolean("root", e.IsRoot);
                if (e.LinkTarget is not null)
                {
                    w.WriteString("target", e.LinkTarget);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.Flush(flushToDisk: true);
    }

    public static FixManifest Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var r = doc.RootElement;
        var entries = r.GetProperty("entries").EnumerateArray().Select(e => new SnapshotEntry(
            e.GetProperty("path").GetString()!,
            Enum.Parse<EntryKind>(e.GetProperty("kind").GetString()!, ignoreCase: true),
            (UnixFileMode)e.GetProperty("mode").GetInt32(),
            e.GetProperty("root").GetBoolean(),
            e.TryGetProperty("target", out var target) ? target.GetString() : null)).ToList();
        return new FixManifest(r.GetProperty("fix_id").GetString()!, r.GetProperty("fix").GetString()!, r.GetProperty("service").GetString()!,
            r.GetProperty("cause").GetString()!, r.GetProperty("state").GetString()!, entries,
            r.TryGetProperty("finished", out var finished) ? finished.GetDateTimeOffset() : null);
    }
}

public enum EntryKind { File, Directory, Missing, Link, Other }

/// One path as it was before the fix: a file (its bytes are in the backup), a directory, a symbolic link
/// (its target, never what it points at), something else (a socket, a fifo: left alone), or nothing.
/// Roots are the paths the fix declared, resolved; the rest were found inside a declared directory.
public sealed record SnapshotEntry(string Path, EntryKind Kind, UnixFileMode Mode, bool IsRoot, string? LinkTarget = null);
