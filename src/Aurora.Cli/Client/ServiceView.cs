using System.Text.Json;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Client;

/// A client's exact picture of the services: one read of `GET /api/v1/services` (the state as of its seq), then
/// each later event's `data.service` applied in order. Nothing polls.
internal sealed class ServiceView
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ServiceDto> _rows = [];

    public long Seq { get; private set; }

    public IReadOnlyList<ServiceDto> Rows => [.. _order.Select(n => _rows[n])];

    public static async Task<ServiceView> ReadAsync(ControlClient client, CancellationToken ct)
    {
        var list = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        var view = new ServiceView { Seq = list.Seq };
        foreach (var row in list.Services)
        {
            view.Upsert(row);
        }

        return view;
    }

    /// Applies an event after Seq; true when it changed a service.
    public bool Apply(EventDto e)
    {
        if (e.Seq <= Seq)
        {
            return false;
        }

        Seq = e.Seq;
        if (e.Type is "prediction" or "prediction.resolved")
        {
            return ApplyPrediction(e);
        }

        if (e.Data.ValueKind != JsonValueKind.Object || !e.Data.TryGetProperty("service", out var service)
            || service.Deserialize(AuroraJsonContext.Default.ServiceDto) is not { } row)
        {
            return false;
        }

        if (e.Type == "service.removed")
        {
            _order.Remove(row.Name);
            return _rows.Remove(row.Name);
        }

        // The snapshot has no usage figures: keep the last ones until a sample brings new ones.
        Upsert(_rows.TryGetValue(row.Name, out var old)
            ? row with { CpuPercent = old.CpuPercent, MemoryBytes = old.MemoryBytes, Prediction = old.Prediction, Limits = old.Limits } : row);
        return true;
    }

    /// A `resource.sample` line (no seq): the CPU and memory of each running service; true when it was one.
    public bool ApplySample(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("type", out var type) || type.GetString() != "resource.sample"
            || !doc.RootElement.TryGetProperty("services", out var services))
        {
            return false;
        }

        foreach (var s in services.EnumerateArray())
        {
            var name = s.GetProperty("name").GetString()!;
            if (_rows.TryGetValue(name, out var row) && s.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number
                && pid.GetInt32() == row.Pid)
            {
                _rows[name] = row with
                {
                    CpuPercent = s.TryGetProperty("cpu_percent", out var cpu) && cpu.ValueKind == JsonValueKind.Number ? cpu.GetDouble() : row.CpuPercent,
                    MemoryBytes = s.TryGetProperty("memory_bytes", out var mem) && mem.ValueKind == JsonValueKind.Number ? mem.GetInt64() : row.MemoryBytes,
                };
            }
        }

        return true;
    }

    /// A `prediction` sets the row's prediction (the one that breaches first is kept); its `prediction.resolved`
    /// clears it. A row's other resource's prediction returns at the next read of the list.
    private bool ApplyPrediction(EventDto e)
    {
        if (e.Service is not { } name || !_rows.TryGetValue(name, out var row) || e.Data.ValueKind != JsonValueKind.Object
            || !e.Data.TryGetProperty("resource", out var r) || r.GetString() is not { } resource)
        {
            return false;
        }

        if (e.Type == "prediction.resolved")
        {
            if (row.Prediction?.Resource != resource)
            {
                return false;
            }

            _rows[name] = row with { Prediction = null };
            return true;
        }

        var p = new PredictionDto(resource, e.Data.GetProperty("eta_seconds").GetDouble(), e.Data.GetProperty("confidence").GetDouble(),
            e.Data.GetProperty("limit").GetInt64(), e.Data.GetProperty("current").GetInt64(), e.Data.GetProperty("breach_at").GetDateTimeOffset());
        if (row.Prediction is { } old && old.Resource != resource && old.BreachAt < p.BreachAt)
        {
            return false;
        }

        _rows[name] = row with { Prediction = p };
        return true;
    }

    private void Upsert(ServiceDto row)
    {
        if (!_rows.ContainsKey(row.Name))
        {
            _order.Add(row.Name);
        }

        _rows[row.Name] = row;
    }
}
