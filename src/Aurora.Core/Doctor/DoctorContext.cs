using Aurora.Core.Diagnosis;
using Aurora.Core.Doctor.Ports;

namespace Aurora.Core.Doctor;

/// What the checks read besides the config and the file system: the environment services inherit (PATH, the
/// variables the config references), this project's process-tag id, and who holds a port (/proc).
public sealed record DoctorContext(IReadOnlyDictionary<string, string> Environment, string ProjectId, IPortHolders Ports)
{
    /// The real host: /proc for port holders, a bind test for holders /proc does not show.
    public static DoctorContext ForHost(IReadOnlyDictionary<string, string> environment, string projectId) =>
        new(environment, projectId, new SystemPortHolders(new ProcPortOwners()));

    public string Path => Environment.GetValueOrDefault("PATH") ?? "";

    /// Values that must never be shown: those of secret-named variables in the environment and the services' env.
    public IReadOnlyList<string> SecretValues(Config.AuroraConfig config) =>
        [.. Environment.Concat(config.Services.SelectMany(s => s.Environment))
            .Where(kv => Secrets.IsSecretName(kv.Key) && kv.Value.Length > 0).Select(kv => kv.Value).Distinct()];
}
