using Aurora.Core.Config;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Doctor;

/// The service's `env_file` exists and parses as KEY=VALUE lines. Never echoes a value: it may be a secret.
internal sealed class EnvFileCheck : IDoctorCheck
{
    public string Id => DoctorChecks.EnvFile;

    public bool Cheap => false;

    public IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context)
    {
        foreach (var service in services.Where(s => s.EnvFile is not null))
        {
            var file = service.EnvFile!;
            var shown = DoctorText.Relative(config, file);
            var (text, reason) = Read(file);
            if (text is null)
            {
                yield return DoctorFinding.Warning(service.Name, Id, $"{shown} {reason}", $"create {shown} or remove services.{service.Name}.env_file");
                continue;
            }

            var parsed = EnvFileParser.Parse(text);
            if (parsed.Problems.Count > 0)
            {
                yield return DoctorFinding.Warning(service.Name, Id,
                    $"{shown} does not parse: {DoctorText.List([.. parsed.Problems.Select(p => $"{shown}:{p.Line}:{p.Column}: {p.Message}")], 3)}",
                    "write one NAME=value per line; # starts a comment");
                continue;
            }

            yield return DoctorFinding.Ok(service.Name, Id, $"{shown} parses ({DoctorText.Plural(parsed.Entries.Count, "variable")})");
        }
    }

    private static (string? Text, string Reason) Read(string file)
    {
        try
        {
            return (File.ReadAllText(file), "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : $"cannot be read ({e.Message})");
        }
    }
}
