namespace Aurora.Core.Limits;

/// A limit of `limits:` exceeded. Resource: memory, pids or cpu; Usage and Limit in bytes, processes or % of one
/// core; EnforcedBy: cgroup (the kernel holds it) or sampling (Aurora does, from its samples). KilledByKernel: the
/// kernel's OOM killer already killed in the service's group (the exit follows).
public sealed record LimitBreach(string Resource, double Usage, double Limit, string EnforcedBy, bool KilledByKernel = false)
{
    public const string Memory = "memory", Pids = "pids", Cpu = "cpu";

    public const string ByCgroup = "cgroup", BySampling = "sampling";

    /// "memory 70 MiB over its limit of 64 MiB (sampling)".
    public string Describe() => $"{Resource} {Figure(Usage)} over its limit of {Figure(Limit)} ({EnforcedBy})";

    private string Figure(double value) => Resource switch
    {
        Memory => Config.Parsing.SizeParser.Format((long)value),
        Cpu => $"{value:0.#}%",
        _ => $"{value:0}",
    };
}
