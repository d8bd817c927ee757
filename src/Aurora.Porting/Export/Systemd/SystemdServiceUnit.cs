using System.Globalization;
using Aurora.Core.Config;
using Aurora.Layout;

namespace Aurora.Porting.Export.Systemd;

/// One declared service as a `.service` unit (a template `NAME@.service` when it has replicas: `%i` is the
/// instance, standing for `{replica}` and AURORA_REPLICA). Settings systemd has no form for go to the omissions.
internal static class SystemdServiceUnit
{
    public static string Render(ServiceConfig s, SystemdContext ctx)
    {
        var template = SystemdNames.IsTemplate(s);
        var lines = new List<string>
        {
            $"# Exported by `aurora export systemd` from {ctx.Config.FilePath}: the service {s.Name}.",
            "[Unit]",
            $"Description={SystemdSyntax.Value($"{ctx.Names.Project}: {s.Name}{(template ? " %i" : "")}").Replace("%%i", "%i", StringComparison.Ordinal)}",
            $"PartOf={ctx.Names.Target}",
        };
        lines.AddRange(SystemdDependencies.Lines(s, ctx));
        if (s.Restart.Policy != RestartPolicyKind.Never && s.Schedule is null)
        {
            // Aurora quarantines after more than `count` exits within `within`: count restarts plus the first start.
            lines.Add($"StartLimitIntervalSec={SystemdTime.Span(s.Restart.Limit.Within)}");
            lines.Add($"StartLimitBurst={(s.Restart.Limit.Count + 1).ToString(CultureInfo.InvariantCulture)}");
        }

        lines.AddRange(["", "[Service]"]);
        lines.AddRange(Kind(s, ctx));
        lines.Add($"WorkingDirectory={SystemdSyntax.Value(s.WorkingDirectory)}");
        lines.AddRange(Environment(s, ctx, template));
        lines.Add($"ExecStart={Command(s, template)}");
        lines.AddRange(Restart(s, ctx));
        lines.Add($"KillSignal={s.Stop.SignalName}");
        lines.Add($"TimeoutStopSec={SystemdTime.Span(s.Stop.Timeout)}");
        lines.AddRange(SystemdLimits.Lines(s, ctx.Omissions));
        if (s.Umask is { } umask)
        {
            lines.Add($"UMask={Convert.ToString(umask, 8).PadLeft(4, '0')}");
        }

        if (s.Health is not null)
        {
            ctx.Omissions.Add(s.Name, "health", "systemd runs no health checks; the unit is up once its process has started");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static IEnumerable<string> Kind(ServiceConfig s, SystemdContext ctx)
    {
        if (ctx.IsOneShot(s))
        {
            yield return "# A one-shot: it is done when its process exits with a success code.";
            yield return "Type=oneshot";
            if (s.Schedule is null)
            {
                // Dependents that wait for its completion need it to stay active once it has succeeded.
                yield return "RemainAfterExit=yes";
            }

            yield break;
        }

        if (s.Ready is { Notify: true } ready)
        {
            yield return "Type=notify";
            yield return "NotifyAccess=all";
            yield return $"TimeoutStartSec={SystemdTime.Span(ready.Timeout)}";
            if (ready.Watchdog is { } watchdog)
            {
                yield return $"WatchdogSec={SystemdTime.Span(watchdog)}";
            }

            yield break;
        }

        yield return "Type=exec";
    }

    private static IEnumerable<string> Environment(ServiceConfig s, SystemdContext ctx, bool template)
    {
        var env = ServiceEnvironment.Of(s);
        var assignments = env.Plain.Where(kv => kv.Key != Replicas.EnvironmentVariable)
            .Select(kv => Replica(SystemdSyntax.Assignment(kv.Key, kv.Value), template)).ToList();
        if (template)
        {
            assignments.Add($"\"{Replicas.EnvironmentVariable}=%i\"");
        }

        if (assignments.Count > 0)
        {
            yield return $"Environment={string.Join(' ', assignments)}";
        }

        if (env.EnvFile is { } file)
        {
            yield return $"EnvironmentFile={SystemdSyntax.Value(file)}";
        }

        if (!env.SecretNames.IsEmpty)
        {
            var names = string.Join(", ", env.SecretNames);
            yield return $"# Secret-named, so not written here: put {names} in this file (NAME=value lines, mode 0600).";
            yield return $"EnvironmentFile={ctx.SecretsFile(s)}";
            ctx.Omissions.Add(s.Name, $"env {names}", $"secret-named values are not written; the unit reads them from {ctx.SecretsFile(s)} (%E is /etc, or ~/.config for a user unit)");
        }
    }

    private static string Command(ServiceConfig s, bool template)
    {
        var program = ProgramPath.Resolve(s.Command[0], s.WorkingDirectory, System.Environment.GetEnvironmentVariable("PATH"));
        return Replica(string.Join(' ', [SystemdSyntax.Executable(program), .. s.Command.Skip(1).Select(SystemdSyntax.Argument)]), template);
    }

    private static IEnumerable<string> Restart(ServiceConfig s, SystemdContext ctx)
    {
        var others = s.SuccessExitCodes.Where(c => c != 0).ToList();
        if (others.Count > 0)
        {
            yield return $"SuccessExitStatus={string.Join(' ', others)}";
        }

        if (!s.SuccessExitCodes.Contains(0))
        {
            ctx.Omissions.Add(s.Name, "success_exit_codes", "systemd always counts exit code 0 as a success");
        }

        if (s.Schedule is not null || s.Restart.Policy == RestartPolicyKind.Never)
        {
            yield return "Restart=no";
            yield break;
        }

        yield return $"Restart={(s.Restart.Policy == RestartPolicyKind.Always ? "always" : "on-failure")}";
        yield return $"RestartSec={SystemdTime.Span(s.Restart.Backoff.Initial)}";
        if (s.Restart.Backoff.Multiplier > 1 && s.Restart.Backoff.Max > s.Restart.Backoff.Initial)
        {
            ctx.Omissions.Add(s.Name, "restart.backoff", $"systemd 252 waits a fixed RestartSec ({SystemdTime.Span(s.Restart.Backoff.Initial)}, the initial delay); a growing delay needs RestartSteps=/RestartMaxDelaySec= (systemd 254)");
        }
    }

    /// `{replica}` becomes `%i` in a template (after escaping, which leaves braces alone).
    private static string Replica(string text, bool template) =>
        template ? text.Replace(Replicas.Placeholder, "%i", StringComparison.Ordinal) : text;
}
