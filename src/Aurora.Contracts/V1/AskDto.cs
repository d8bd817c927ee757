using System.Text.Json;

namespace Aurora.Contracts.V1;

/// <summary>The body of `POST /api/v1/ask`: a sentence, and whether a state-changing intent may act.</summary>
public sealed record AskRequestDto(string? Text, bool Confirm = false);

/// <summary>The answer to `POST /api/v1/ask` and `aurora ask --json`: what the sentence was understood as (intent
/// and arguments), what a state-changing intent will do (plan; it acts only when confirmed, else needs_confirm
/// is true and result null), and the result. A sentence not understood has understood false, a message and the
/// closest intents.</summary>
public sealed record AskDto(
    string Text,
    bool Understood,
    string? Intent,
    AskArgumentsDto? Arguments,
    string? Plan,
    bool NeedsConfirm,
    AskResultDto? Result,
    string? Message,
    IReadOnlyList<AskSuggestionDto> Closest);

/// <summary>The arguments of an intent. services empty and all false: none named.</summary>
public sealed record AskArgumentsDto(IReadOnlyList<string> Services, bool All, int? Lines, bool ErrorsOnly, string? Cause, string? Since);

/// <summary>An intent the parser knows, with a sentence that asks for it.</summary>
public sealed record AskSuggestionDto(string Intent, string Example);

/// <summary>What answering or acting gave: ok false when it could not be done (the text says why); the data
/// that goes with the intent (services, log lines, incidents, past fixes, heal, reload or forecasts).</summary>
public sealed record AskResultDto(
    bool Ok,
    string Text,
    IReadOnlyList<ServiceDto>? Services = null,
    IReadOnlyList<string>? Lines = null,
    IReadOnlyList<IncidentDto>? Incidents = null,
    IReadOnlyList<PastFixDto>? Fixes = null,
    HealDto? Heal = null,
    ReloadDto? Reload = null,
    JsonElement? Forecasts = null);

/// <summary>How one fix has fared against one cause in the failure memory.</summary>
public sealed record PastFixDto(string Cause, string Fix, int Verified, int RolledBack, int Other, DateTimeOffset Last);
