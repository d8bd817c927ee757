using System.Text.Json;

namespace Aurora.Core.Healing;

/// Fix outcomes kept in a small JSON file (`.aurora/fix-records.json`), rewritten atomically on each
/// outcome (fixes are rare). Lives behind IFixRecords so the event store can take it over.
public sealed class JsonFixRecords : IFixRecords
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Cause, string Fix), FixRecord> _records = [];

    public JsonFixRecords(string path)
    {
        _path = path;
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var r in doc.RootElement.EnumerateArray())
            {
                var record = new FixRecord(r.GetProperty("cause").GetString()!, r.GetProperty("fix").GetString()!,
                    r.GetProperty("successes").GetInt32(), r.GetProperty("failures").GetInt32());
                _records[(record.Cause, record.Fix)] = record;
            }
        }
        catch (JsonException)
        {
            // A damaged file only costs what was learned; start again rather than refuse to heal.
        }
    }

    public FixRecord Get(string cause, string fix)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault((cause, fix)) ?? new FixRecord(cause, fix, 0, 0);
        }
    }

    public void Record(string cause, string fix, bool worked)
    {
        lock (_gate)
        {
            var r = Get(cause, fix);
            _records[(cause, fix)] = worked ? r with { Successes = r.Successes + 1 } : r with { Failures = r.Failures + 1 };
            Save();
        }
    }

    public IReadOnlyList<FixRecord> All()
    {
        lock (_gate)
        {
            return [.. _records.Values];
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        try
        {
            WriteTemp(_path + ".tmp");
        }
        catch
        {
            // A full disk leaves a partial file: remove it, the previous records stand.
            File.Delete(_path + ".tmp");
            throw;
        }

        File.Move(_path + ".tmp", _path, overwrite: true);
    }

    private void WriteTemp(string path)
    {
        using (var stream = File.Create(path))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in _records.Values)
            {
                w.WriteStartObject();
                w.WriteString("cause", r.Cause);
                w.WriteString("fix", r.Fix);
                w.WriteNumber("successes", r.Successes);
                w.WriteNumber("failures", r.Failures);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
