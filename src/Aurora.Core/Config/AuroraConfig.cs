using System.Collections.Immutable;

namespace Aurora.Core.Config;

/// The validated, immutable configuration of one project. Nothing past ConfigLoader sees YAML.
public sealed record AuroraConfig(
    string FilePath,
    string ProjectDirectory,
    ImmutableArray<ServiceConfig> Services,
    HealingConfig Healing,
    MonitorConfig Monitor,
    MaintenanceConfig Maintenance,
    DashboardConfig? Dashboard,
    ImmutableArray<NotifyConfig> Notify,
    StoreConfig Store)
{
    private readonly ImmutableArray<string> _files;

    public DoctorConfig Doctor { get; init; } = DoctorConfig.Default;

    public MetricsConfig Metrics { get; init; } = MetricsConfig.Default;

    /// The config files, absolute, in the order they merge (`-f base.yaml -f dev.yaml`); FilePath is the first.
    /// A reload reads the same list again.
    public ImmutableArray<string> Files
    {
        get => _files.IsDefaultOrEmpty ? [FilePath] : _files;
        init => _files = value;
    }

    public ServiceConfig? Find(string name) => Services.FirstOrDefault(s => s.Name == name);

    /// The services as written, before replicas are expanded into instances (Services holds the instances).
    public ImmutableArray<ServiceConfig> Declared { get; init; } = [];

    /// The profiles this config was loaded for (`up --profile`, AURORA_PROFILES): services of other profiles are
    /// not started with the stack (`aurora start NAME` still starts one).
    public ImmutableArray<string> ActiveProfiles { get; init; } = [];

    /// The instances of a declared service (its replicas, or itself).
    public IEnumerable<ServiceConfig> InstancesOf(string declaredName) => Services.Where(s => s.DeclaredName == declaredName);

    /// A service starts with the stack when it has no profiles or one of them is active.
    public bool StartsWithStack(ServiceConfig service) =>
        service.Profiles.IsEmpty || service.Profiles.Any(ActiveProfiles.Contains);
}

public sealed record HealingConfig(bool Enabled, TimeSpan VerifyTimeout)
{
    public static readonly HealingConfig Default = new(true, TimeSpan.FromSeconds(30));

    public BackupRetention Backups { get; init; } = BackupRetention.Default;
}

/// `healing.backups`: how many backups of finished fixes `.aurora/backups/` keeps, and for how long.
public sealed record BackupRetention(int Keep, TimeSpan MaxAge)
{
    public static readonly BackupRetention Default = new(20, TimeSpan.FromDays(7));
}

/// `monitor`: SampleInterval null is `sample_interval: off` (no sampling, no live samples, no minute history);
/// History bounds how long the 1-minute aggregates are kept in the store.
public sealed record MonitorConfig(TimeSpan? SampleInterval, TimeSpan PredictHorizon)
{
    // Before Default, which reads it: static fields initialise in order.
    public static readonly TimeSpan DefaultHistory = TimeSpan.FromDays(7);

    public static readonly MonitorConfig Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));

    public TimeSpan History { get; init; } = DefaultHistory;
}

public sealed record TempRule(string Path, TimeSpan OlderThan);

public sealed record DiskRule(string Path, long MinFreeBytes);

public sealed record MaintenanceConfig(ImmutableArray<TempRule> Temp, DiskRule? Disk)
{
    public static readonly MaintenanceConfig Default = new([], null);
}

/// Hosts: the extra names (lower case) accepted in the Host header of a TCP request, beyond IP addresses,
/// `localhost` and Host itself.
public sealed record DashboardConfig(string Host, int Port, bool AllowRemote, ImmutableArray<string> Hosts)
{
    // By value, hosts included: a reload of an unchanged file must not see the dashboard as changed.
    public bool Equals(DashboardConfig? other) =>
        other is not null && Host == other.Host && Port == other.Port && AllowRemote == other.AllowRemote
        && Hosts.AsSpan().SequenceEqual(other.Hosts.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Host, Port, AllowRemote, Hosts.Length);
}

/// `doctor: { advisories: ./advisories }`: AdvisoriesDirectory (absolute) holds OSV-format advisory files; null: none.
public sealed record DoctorConfig(string? AdvisoriesDirectory)
{
    public static readonly DoctorConfig Default = new((string?)null);
}

public sealed record NotifyConfig(string Webhook, ImmutableArray<string> Events)
{
    // By value: ImmutableArray's own equality compares references, and a reload compares configs built apart.
    public bool Equals(NotifyConfig? other) =>
        other is not null && Webhook == other.Webhook && Events.SequenceEqual(other.Events);

    public override int GetHashCode() => HashCode.Combine(Webhook, Events.Length);
}

/// Retention of the event store: whichever bound is hit first trims the oldest events.
public sealed record StoreConfig(long MaxEvents, TimeSpan MaxAge)
{
    public static readonly StoreConfig Default = new(1_000_000, TimeSpan.FromDays(30));
}
