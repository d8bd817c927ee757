using System.Collections;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config.Reading;

/// Where `${VAR}` in the config takes its value (SPEC §3): the environment, over the `.env` beside the first file
/// (the environment wins, as in Compose). The `.env` is read at the first lookup, so a config without variables
/// never reads it; a line of it that does not parse is a warning there and is left out.
internal sealed class ConfigVariables
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _dotEnv;
    private readonly DiagnosticBag _bag;
    private Dictionary<string, string>? _fromFile;

    public ConfigVariables(string firstFile, IReadOnlyDictionary<string, string>? environment, DiagnosticBag bag)
    {
        _environment = environment ?? ProcessEnvironment();
        _dotEnv = Path.Combine(Path.GetDirectoryName(firstFile)!, ".env");
        _bag = bag;
        DotEnvHint = $"the .env beside {Path.GetFileName(firstFile)}";
    }

    public string DotEnvHint { get; }

    public string? Lookup(string name) =>
        _environment.TryGetValue(name, out var value) ? value : FromFile().GetValueOrDefault(name);

    /// Every value a reference could take: the `.env` (when it was read) under the environment.
    public IEnumerable<KeyValuePair<string, string>> All() =>
        (_fromFile ?? []).Where(kv => !_environment.ContainsKey(kv.Key)).Concat(_environment);

    private Dictionary<string, string> FromFile()
    {
        if (_fromFile is not null)
        {
            return _fromFile;
        }

        _fromFile = new Dictionary<string, string>(StringComparer.Ordinal);
        string text;
        try
        {
            if (!File.Exists(_dotEnv))
            {
                return _fromFile;
            }

            if (new FileInfo(_dotEnv).Length > ConfigLoader.MaxFileBytes)
            {
                _bag.WarningIn(_dotEnv, 1, 1, "", $"is larger than {ConfigLoader.MaxFileBytes} bytes; it is not read for ${{…}} in the config");
                return _fromFile;
            }

            text = File.ReadAllText(_dotEnv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _bag.WarningIn(_dotEnv, 0, 0, "", $"cannot be read ({e.Message}); ${{…}} in the config take values from the environment only");
            return _fromFile;
        }

        var parsed = EnvFileParser.Parse(text);
        foreach (var problem in parsed.Problems)
        {
            _bag.WarningIn(_dotEnv, problem.Line, problem.Column, "", problem.Message + "; the line is left out of ${…} in the config");
        }

        foreach (var (key, value) in parsed.Entries)
        {
            _fromFile[key] = value;
        }

        return _fromFile;
    }

    private static Dictionary<string, string> ProcessEnvironment()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            values[(string)e.Key] = e.Value as string ?? "";
        }

        return values;
    }
}
