using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Aurora.Cli.Mcp;

/// The tools `aurora mcp` serves, each with its JSON input schema. The ones that change state are annotated
/// destructive and act only with `confirm: true`.
internal static class McpToolList
{
    public const int MaxLogLines = 500;
    public const int MaxHistory = 100;

    private const string Service = "\"service\": {\"type\": \"string\", \"description\": \"A service name from aurora.yaml\"}";
    private const string Confirm = "\"confirm\": {\"type\": \"boolean\", \"description\": \"Must be true to act; without it the tool only says what it would do\"}";

    public static IList<Tool> All { get; } =
    [
        Read("status", "Status of every service (state, pid, uptime, restarts, health, last cause), or of one",
            $$"""{"type": "object", "properties": { {{Service.Replace("aurora.yaml", "aurora.yaml; omit it for all", StringComparison.Ordinal)}} } }"""),
        Read("logs", $"The last lines a service wrote (stdout and stderr), at most {MaxLogLines}",
            $$"""
            {"type": "object", "properties": { {{Service}},
              "lines": {"type": "integer", "minimum": 1, "maximum": {{MaxLogLines}}, "default": 100},
              "errors_only": {"type": "boolean", "description": "Only the lines that report an error"} },
             "required": ["service"]}
            """),
        Read("history", "Search the failure memory: past incidents (cause, evidence, fixes tried, how often seen) and matching events",
            $$"""
            {"type": "object", "properties": {
              "query": {"type": "string", "description": "Words to search for, e.g. \"port conflict\""},
              "service": {"type": "string"}, "cause": {"type": "string", "description": "e.g. port_conflict"},
              "since": {"type": "string", "description": "30m, 2h, 1d, today, yesterday, \"in the last hour\" or an ISO-8601 time"},
              "limit": {"type": "integer", "minimum": 1, "maximum": {{MaxHistory}}, "default": 20} } }
            """),
        Read("incident", "One incident of the failure memory by id (inc-17): cause, evidence, fixes tried, how often seen",
            """{"type": "object", "properties": {"id": {"type": "string", "description": "An incident id, e.g. inc-17"}}, "required": ["id"]}"""),
        Acting("ask", "Say it in a plain sentence (\"why did chat crash?\", \"restart the api\"); a sentence that changes state only says its plan unless confirm is true",
            $$"""{"type": "object", "properties": {"text": {"type": "string"}, {{Confirm}} }, "required": ["text"]}"""),
        Acting("start", "Start a service (lifts a quarantine)", ServiceAndConfirm()),
        Acting("stop", "Stop a service and keep it down", ServiceAndConfirm()),
        Acting("restart", "Restart a service (its restart-policy dependents follow)", ServiceAndConfirm()),
        Acting("heal", "Diagnose a service now and run the fixes for its cause (each verified, or rolled back)", ServiceAndConfirm()),
        Acting("reload", "Re-read aurora.yaml and apply it: new services start, removed ones stop, changed ones restart; a bad file changes nothing",
            $$"""{"type": "object", "properties": { {{Confirm}} } }"""),
    ];

    public static bool IsAction(string name) => All.FirstOrDefault(t => t.Name == name)?.Annotations?.DestructiveHint == true;

    private static string ServiceAndConfirm() => $$"""{"type": "object", "properties": { {{Service}}, {{Confirm}} }, "required": ["service"]}""";

    private static Tool Read(string name, string description, string schema) => new()
    {
        Name = name,
        Description = description,
        InputSchema = JsonDocument.Parse(schema).RootElement.Clone(),
        Annotations = new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, OpenWorldHint = false },
    };

    private static Tool Acting(string name, string description, string schema) => new()
    {
        Name = name,
        Description = description + ". Changes state: pass confirm: true to act.",
        InputSchema = JsonDocument.Parse(schema).RootElement.Clone(),
        Annotations = new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = false },
    };
}
