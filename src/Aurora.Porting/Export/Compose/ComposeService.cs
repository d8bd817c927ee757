using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Compose;

/// One unit as a compose service. Compose interpolates `$` everywhere, so literal text has it doubled; a
/// secret-named variable is written as `${NAME:?...}`, taken from the shell or the .env beside compose.yaml.
internal static class ComposeService
{
    public static YamlMapping Render(ExportUnit unit, string image, IReadOnlySet<string> exported, ExportContext ctx)
    {
        var (s, options, omissions) = (unit.Service, ctx.Options, ctx.Omissions);
        var map = new YamlMapping().Add("image", image);
        map.Add("command", YamlNode.Texts(s.Command.Select(Literal)));
        map.Add("working_dir", ctx.WorkingDirectory(s));

        var env = ServiceEnvironment.Of(s);
        if (env.EnvFile is { } file)
        {
            map.Add("env_file", YamlNode.Texts([Path.GetRelativePath(options.OutputDirectory, file)]));
        }

        var environment = new YamlMapping();
        foreach (var (name, value) in env.Plain.Where(kv => !(unit.SharedReplicas && kv.Key == Replicas.EnvironmentVariable)))
        {
            environment.Add(name, Literal(value));
        }

        foreach (var name in env.SecretNames)
        {
            environment.Add(name, $"${{{name}:?{name} is secret-named: set it in the environment or the .env beside compose.yaml}}");
            omissions.Add(s.DeclaredName, $"env {name}", "secret-named: written as ${" + name + "}, which compose takes from the environment or .env; the value is not written");
        }

        map.AddNonEmpty("environment", environment);
        map.AddNonEmpty("depends_on", ComposeDependencies.Render(unit, exported, omissions));
        if (s.Health is { } health)
        {
            map.Add("healthcheck", Healthcheck(s, health, omissions));
        }

        map.Add("restart", s.Schedule is not null ? "no" : s.Restart.Policy switch
        {
            RestartPolicyKind.Always => "always",
            RestartPolicyKind.OnFailure => "on-failure",
            _ => "no",
        });
        map.Add("stop_signal", s.Stop.SignalName);
        map.Add("stop_grace_period", ComposeDuration.Of(s.Stop.Timeout));
        map.AddNonEmpty("profiles", YamlNode.Texts(s.Profiles));
        map.AddNonEmpty("ports", YamlNode.Texts(s.Ports.Select(p => $"{p}:{p}")));
        if (s.Limits.Pids is { } pids)
        {
            map.Add("pids_limit", pids);
        }

        map.AddNonEmpty("deploy", Deploy(unit));
        return map;
    }

    private static YamlMapping Healthcheck(ServiceConfig s, HealthCheckConfig health, OmissionList omissions)
    {
        var (argv, tool) = HealthProbeCommand.Of(health);
        if (tool is not null)
        {
            omissions.Add(s.DeclaredName, $"health.{health.Kind.ToString().ToLowerInvariant()}", $"runs `{tool}` inside the container: the image must have {tool}");
        }

        return new YamlMapping()
            .Add("test", YamlNode.Texts(["CMD", .. argv.Select(Literal)]))
            .Add("interval", ComposeDuration.Of(health.Interval))
            .Add("timeout", ComposeDuration.Of(health.Timeout))
            .Add("retries", health.Retries)
            .Add("start_period", ComposeDuration.Of(health.StartPeriod));
    }

    private static YamlMapping Deploy(ExportUnit unit)
    {
        var deploy = new YamlMapping();
        if (unit.SharedReplicas)
        {
            deploy.Add("replicas", unit.Replicas);
        }

        var limits = new YamlMapping();
        if (unit.Service.Limits.CpuPercent is { } cpu)
        {
            limits.Add("cpus", YamlNode.Number(cpu / 100));
        }

        if (unit.Service.Limits.MemoryBytes is { } memory)
        {
            limits.Add("memory", Memory(memory));
        }

        return limits.Count > 0 ? deploy.Add("resources", new YamlMapping().Add("limits", limits)) : deploy;
    }

    /// Bytes with docker's binary suffixes (k, m, g), or plain bytes.
    private static string Memory(long bytes) => bytes switch
    {
        _ when bytes % (1L << 30) == 0 => $"{bytes >> 30}g",
        _ when bytes % (1L << 20) == 0 => $"{bytes >> 20}m",
        _ when bytes % (1L << 10) == 0 => $"{bytes >> 10}k",
        _ => $"{bytes}b",
    };

    private static string Literal(string text) => text.Replace("$", "$$", StringComparison.Ordinal);
}
