using Aurora.Core.Resources;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The writer's prepared statement for resource minutes. A minute already stored for the service (a daemon
/// restarted within it, each writing its part) is merged as MinuteSample.Merge does.
internal sealed class MinuteInserter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _service, _minute, _cpuMin, _cpuAvg, _cpuMax, _memMin, _memAvg, _memMax;

    public MinuteInserter(SqliteConnection c)
    {
        _insert = c.CreateCommand();
        _insert.CommandText = """
            INSERT INTO resource_minutes(service, minute, cpu_min, cpu_avg, cpu_max, mem_min, mem_avg, mem_max)
            VALUES($service, $minute, $cpu_min, $cpu_avg, $cpu_max, $mem_min, $mem_avg, $mem_max)
            ON CONFLICT(service, minute) DO UPDATE SET
                cpu_min = min(cpu_min, excluded.cpu_min), cpu_avg = (cpu_avg + excluded.cpu_avg) / 2,
                cpu_max = max(cpu_max, excluded.cpu_max), mem_min = min(mem_min, excluded.mem_min),
                mem_avg = (mem_avg + excluded.mem_avg) / 2, mem_max = max(mem_max, excluded.mem_max)
            """;
        _service = _insert.Parameters.Add("$service", SqliteType.Text);
        _minute = _insert.Parameters.Add("$minute", SqliteType.Integer);
        _cpuMin = _insert.Parameters.Add("$cpu_min", SqliteType.Real);
        _cpuAvg = _insert.Parameters.Add("$cpu_avg", SqliteType.Real);
        _cpuMax = _insert.Parameters.Add("$cpu_max", SqliteType.Real);
        _memMin = _insert.Parameters.Add("$mem_min", SqliteType.Integer);
        _memAvg = _insert.Parameters.Add("$mem_avg", SqliteType.Integer);
        _memMax = _insert.Parameters.Add("$mem_max", SqliteType.Integer);
    }

    public void Insert(IReadOnlyList<MinuteSample> minutes, SqliteTransaction tx)
    {
        _insert.Transaction = tx;
        foreach (var m in minutes)
        {
            _service.Value = m.Service;
            _minute.Value = m.Minute.UtcTicks;
            _cpuMin.Value = m.CpuMin;
            _cpuAvg.Value = m.CpuAvg;
            _cpuMax.Value = m.CpuMax;
            _memMin.Value = m.MemMin;
            _memAvg.Value = m.MemAvg;
            _memMax.Value = m.MemMax;
            _insert.ExecuteNonQuery();
        }
    }

    public void Dispose() => _insert.Dispose();
}
