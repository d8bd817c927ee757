namespace Aurora.Core.Config;

/// One problem found in a config file. Line and Column are 1-based; KeyPath is dotted
/// (`services.api.restart.backoff.max`, `services.api.ports[1]`) and empty for YAML syntax errors.
/// Line is 0 when the problem has no position (the file could not be read).
public sealed record ConfigDiagnostic(string File, int Line, int Column, string KeyPath, string Message, bool IsWarning)
{
    /// `aurora.yaml:14:9: services.api.restart.backoff.max: "-5s" is not a duration; ...`;
    /// warnings read `aurora.yaml:3:14: warning: services.api.command: ...`.
    public override string ToString()
    {
        var severity = IsWarning ? "warning: " : "";
        var path = KeyPath.Length > 0 ? KeyPath + ": " : "";
        var position = Line > 0 ? $":{Line}:{Column}" : "";
        return $"{Path.GetFileName(File)}{position}: {severity}{path}{Message}";
    }
}
