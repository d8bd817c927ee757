using Aurora.Core.Config;
using Aurora.Core.Config.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Doctor.Variables;

/// Every `${VAR}` the config files reference (SPEC §3) is set, in the environment or in the `.env` beside the
/// config: blocking when unset without a default (`${VAR}`, `${VAR:?msg}`), a warning when its default is used.
/// Reads the raw file, so it sees references wherever they stand (comments aside), before any interpolation.
internal sealed class VariablesCheck : IDoctorCheck
{
    public string Id => DoctorChecks.Variables;

    public bool Cheap => true;

    public IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context)
    {
        var wanted = services.Select(s => s.Name).ToHashSet();
        var all = services.Count == config.Services.Length;
        var values = Values(config, context);
        var file = Path.GetFileName(config.FilePath);
        var seen = new HashSet<(string?, string)>();
        var counts = new Dictionary<string, int>();
        var findings = new List<DoctorFinding>();
        foreach (var (source, service, reference, at) in config.Files.SelectMany(f => References(f).Select(r => (Path.GetFileName(f), r.Service, r.Reference, r.At))))
        {
            if (service is null ? !all : !wanted.Contains(service))
            {
                continue;
            }

            counts[service ?? ""] = counts.GetValueOrDefault(service ?? "") + 1;
            values.TryGetValue(reference.Name, out var value);
            if (reference.Kind == ReferenceKind.Alternate || !reference.IsMissing(value) || !seen.Add((service, reference.Name)))
            {
                continue;
            }

            var where = $"{source}:{at.Line}:{at.Column}";
            findings.Add(reference.HasNoFallback
                ? DoctorFinding.Blocking(service, Id,
                    $"{where}: ${{{reference.Name}}} is {(value is null ? "not set" : "empty")} and has no default"
                    + (reference.Kind == ReferenceKind.Required && reference.Text is { Length: > 0 } msg ? $" ({msg})" : ""),
                    $"export {reference.Name}=… before `aurora up`, put it in the .env beside {file}, or give a default: ${{{reference.Name}:-value}}")
                : DoctorFinding.Warning(service, Id,
                    $"{where}: ${{{reference.Name}}} is {(value is null ? "not set" : "empty")}; its default \"{reference.Text}\" is used",
                    $"export {reference.Name}=… if the default is not what you want"));
        }

        foreach (var (service, n) in counts)
        {
            var owner = service.Length == 0 ? null : service;
            if (!findings.Any(f => f.Service == owner))
            {
                findings.Add(DoctorFinding.Ok(owner, Id, $"{DoctorText.Plural(n, "variable reference")}, all set"));
            }
        }

        return findings;
    }

    /// The environment, under the `.env` beside the config file (the environment wins, as in Compose).
    private static Dictionary<string, string> Values(AuroraConfig config, DoctorContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var dotEnv = Path.Combine(Path.GetDirectoryName(config.FilePath) ?? config.ProjectDirectory, ".env");
        try
        {
            foreach (var (key, value) in EnvFileParser.Parse(File.ReadAllText(dotEnv)).Entries)
            {
                values[key] = value;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        foreach (var (key, value) in context.Environment)
        {
            values[key] = value;
        }

        return values;
    }

    /// Each reference in a scalar of the file (keys included), with the service whose subtree holds it.
    private static IEnumerable<(string? Service, VariableReference Reference, Mark At)> References(string configPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(configPath)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlException)
        {
            // The loader already reported a file it could not read or parse; nothing more to say here.
            yield break;
        }

        foreach (var document in stream.Documents)
        {
            foreach (var found in Root(document.RootNode))
            {
                yield return found;
            }
        }
    }

    /// services.NAME.…: what stands under a service's name belongs to that service; the rest to the project.
    private static IEnumerable<(string?, VariableReference, Mark)> Root(YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            return Walk(root, null);
        }

        return mapping.Children.SelectMany(top => top.Key is YamlScalarNode { Value: "services" } && top.Value is YamlMappingNode services
            ? Walk(top.Key, null).Concat(services.Children.SelectMany(s =>
                Walk(s.Key, (s.Key as YamlScalarNode)?.Value).Concat(Walk(s.Value, (s.Key as YamlScalarNode)?.Value))))
            : Walk(top.Key, null).Concat(Walk(top.Value, null)));
    }

    private static IEnumerable<(string?, VariableReference, Mark)> Walk(YamlNode node, string? service) => node switch
    {
        YamlScalarNode { Value: { } text } scalar => VariableReferences.Find(text).Select(r => (service, r, scalar.Start)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(c => Walk(c, service)),
        YamlMappingNode mapping => mapping.Children.SelectMany(c => Walk(c.Key, service).Concat(Walk(c.Value, service))),
        _ => [],
    };
}
