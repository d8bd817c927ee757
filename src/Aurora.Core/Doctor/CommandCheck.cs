using System.Text.RegularExpressions;
using Aurora.Core.Config;

namespace Aurora.Core.Doctor;

/// The service's program resolves (on PATH, or as a path relative to cwd) and is executable: blocking if not.
/// For `shell: true` the script's first program is checked too, when it is a plain word. An `install` command that
/// cannot be found only warns: it is needed by a fix, not to start.
internal sealed partial class CommandCheck : IDoctorCheck
{
    // Shell words that are not programs on PATH: a script starting with one of them is not checked further.
    private static readonly HashSet<string> ShellWords =
    [
        "cd", "exec", "export", "set", "unset", "source", ".", "eval", "test", "[", "true", "false", "echo", "printf",
        "read", "ulimit", "umask", "trap", "wait", "if", "for", "while", "until", "case", "{", "(", "!", "command", "env",
    ];

    public string Id => DoctorChecks.Command;

    public bool Cheap => true;

    [GeneratedRegex(@"^[A-Za-z0-9_./+-]+$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();

    public IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context)
    {
        foreach (var service in services.Where(s => s.Command.Length > 0))
        {
            var where = $"services.{service.Name}.command";
            yield return Program(service, service.Command[0], where, context, DoctorSeverity.Blocking);
            if (service.Shell && ScriptProgram(service.Command[^1]) is { } first)
            {
                yield return Program(service, first, where, context, DoctorSeverity.Blocking);
            }

            if (service.Install.Length > 0)
            {
                yield return Program(service, service.Install[0], $"services.{service.Name}.install", context, DoctorSeverity.Warning);
            }
        }
    }

    private DoctorFinding Program(ServiceConfig service, string program, string where, DoctorContext context, DoctorSeverity severity)
    {
        var (outcome, path) = ProgramLookup.Resolve(program, service.WorkingDirectory, context.Path);
        return outcome switch
        {
            ProgramLookup.Outcome.Found => DoctorFinding.Ok(service.Name, Id, $"{program} is {path}"),
            ProgramLookup.Outcome.NotExecutable => new DoctorFinding(service.Name, Id, severity,
                $"{program} ({path}) is not executable", $"chmod +x {path}"),
            _ => new DoctorFinding(service.Name, Id, severity,
                program.Contains('/') ? $"{program} does not exist (looked for {path})" : $"{program} was not found on PATH",
                $"install {Path.GetFileName(program)}, or fix {where} (a full path works too)"),
        };
    }

    /// The first program a shell script runs, skipping variable assignments; null when it starts with a shell
    /// word or is not a plain word (a variable, a quote, a subshell).
    private static string? ScriptProgram(string script)
    {
        foreach (var word in script.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Assignment().IsMatch(word))
            {
                continue;
            }

            return PlainWord().IsMatch(word) && !ShellWords.Contains(word) ? word : null;
        }

        return null;
    }
}
