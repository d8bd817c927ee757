using System.Globalization;
using System.Text;
using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// A hash of what a reload would restart a service for (ReloadPlanner's process fields: command, shell, cwd,
/// env, ports, limits, umask, ready): equal fingerprints mean the running process matches the config.
public static class ProcessFingerprint
{
    public static string Of(ServiceConfig s)
    {
        var text = new StringBuilder();
        text.AppendJoin('\0', s.Command).Append('\n').Append(s.Shell).Append('\n').Append(s.WorkingDirectory).Append('\n');
        foreach (var (key, value) in s.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\0');
        }

        text.Append('\n').AppendJoin(',', s.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture))).Append('\n')
            .Append(s.Limits).Append('\n').Append(s.Umask).Append('\n').Append(s.Ready);
        return StableHash.Hex(text.ToString());
    }
}
