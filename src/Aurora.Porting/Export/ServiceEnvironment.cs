using System.Collections.Immutable;
using Aurora.Core;
using Aurora.Core.Config;
using Aurora.Core.Config.Parsing;

namespace Aurora.Porting.Export;

/// A service's environment as an export carries it: the loader merges env_file into env, so the values that came
/// from env_file (and were not overridden by env) are left to a reference to that file; of the rest, secret-named
/// ones (SPEC §7) are never written, only named; the others are written as they are.
public sealed record ServiceEnvironment(
    ImmutableArray<KeyValuePair<string, string>> Plain,
    ImmutableArray<string> SecretNames,
    string? EnvFile)
{
    public static ServiceEnvironment Of(ServiceConfig s)
    {
        var fromFile = FileValues(s.EnvFile);
        var own = s.Environment.Where(kv => !(fromFile.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
        return new ServiceEnvironment(
            [.. own.Where(kv => !Secrets.IsSecretName(kv.Key))],
            [.. own.Where(kv => Secrets.IsSecretName(kv.Key)).Select(kv => kv.Key)],
            s.EnvFile);
    }

    private static Dictionary<string, string> FileValues(string? path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return values;
        }

        foreach (var (key, value) in EnvFileParser.Parse(File.ReadAllText(path)).Entries)
        {
            values[key] = value;
        }

        return values;
    }
}
