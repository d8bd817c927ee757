using System.Globalization;
using System.Text.RegularExpressions;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Import.Procfile;

/// A Procfile (Foreman, Honcho, Overmind, Heroku): `name: command` lines, each run by a shell. A line that needs no
/// shell becomes argv; leading `NAME=value` words become env. As Foreman does, each process type gets PORT (5000,
/// 5100, … in file order); a command that reads $PORT declares that port. A `.env` beside the Procfile is its env_file.
public static partial class ProcfileImporter
{
    private const int BasePort = 5000;

    public static bool IsEntry(string line) => Entry().IsMatch(line);

    public static List<ImportedService> Convert(string text, ImportContext ctx)
    {
        var services = new List<ImportedService>();
        var envFile = ctx.File(".env");
        var index = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var match = Entry().Match(line);
            if (!match.Success)
            {
                throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: \"{line.Trim()}\" is not a `name: command` line");
            }

            var port = BasePort + (100 * index++);
            var sourceName = match.Groups["name"].Value;
            var command = match.Groups["command"].Value.Trim();
            if (sourceName == "release")
            {
                ctx.NotConvertible(sourceName,
                    "Heroku's release phase runs once per deploy before the new release starts, not alongside the others; run it yourself, or add it as a service with restart: { policy: never }");
                continue;
            }

            services.Add(Service(ctx.Names.Add(sourceName), sourceName, command, port, envFile));
        }

        if (services.Count == 0 && ctx.NotCarried.Count == 0)
        {
            throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: no `name: command` lines");
        }

        return services;
    }

    private static ImportedService Service(string name, string sourceName, string command, int port, string? envFile)
    {
        var service = new ImportedService(name, sourceName) { EnvFile = envFile };
        var (assignments, rest) = LeadingAssignments(command);
        service.SetEnv("PORT", port.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in assignments)
        {
            service.SetEnv(key, AuroraValues.Literal(value));
        }

        if (ShellWords.NeedsShell(rest) || ShellWords.Split(rest) is not { Count: > 0 } argv)
        {
            service.Shell = true;
            service.Command.Add(AuroraValues.Literal(rest));
        }
        else
        {
            service.Command.AddRange(argv.Select(AuroraValues.Literal));
        }

        var explicitPort = assignments.FirstOrDefault(a => a.Key == "PORT").Value;
        if (explicitPort is null && PortReference().IsMatch(rest))
        {
            service.Ports.Add(port);
            service.Comments.Add($"PORT is {port}, as Foreman gives the {Ordinal(port)} process type; the command reads $PORT");
        }
        else if (explicitPort is null)
        {
            service.Comments.Add($"PORT is {port}, as Foreman gives it (5000 + 100 per process type)");
        }

        return service;
    }

    /// `PORT=3000 FOO=bar bundle exec puma` → ([PORT=3000, FOO=bar], "bundle exec puma"); only plain words (no
    /// quoting, no `$`) are taken, so nothing a shell would expand is moved.
    private static (List<KeyValuePair<string, string>> Assignments, string Remainder) LeadingAssignments(string command)
    {
        var assignments = new List<KeyValuePair<string, string>>();
        var rest = command;
        while (Assignment().Match(rest) is { Success: true } m)
        {
            assignments.Add(KeyValuePair.Create(m.Groups["key"].Value, m.Groups["value"].Value));
            rest = rest[m.Length..];
        }

        return (assignments, rest.Trim());
    }

    private static string Ordinal(int port) => ((port - BasePort) / 100) switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        var n => $"{n + 1}th",
    };

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_.-]+):\s*(?<command>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^\s'""$`\\;&|<>()]*)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\$(?:PORT\b|\{PORT(?:[:?+-][^}]*)?\})", RegexOptions.CultureInvariant)]
    private static partial Regex PortReference();
}
