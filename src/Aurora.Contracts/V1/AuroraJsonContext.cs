using System.Text.Json.Serialization;

namespace Aurora.Contracts.V1;

/// <summary>Source-generated JSON for every wire type (AOT-safe); snake_case names as in SPEC §4–§5.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(ServiceListDto))]
[JsonSerializable(typeof(ServiceRowsDto))]
[JsonSerializable(typeof(ServiceDetailDto))]
[JsonSerializable(typeof(ServiceDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(EventDto))]
[JsonSerializable(typeof(EventListDto))]
[JsonSerializable(typeof(LogsDto))]
[JsonSerializable(typeof(HealthzDto))]
[JsonSerializable(typeof(ShutdownDto))]
[JsonSerializable(typeof(ReloadDto))]
[JsonSerializable(typeof(HistoryDto))]
[JsonSerializable(typeof(HealDto))]
[JsonSerializable(typeof(ScaleDto))]
[JsonSerializable(typeof(ScaleRequestDto))]
[JsonSerializable(typeof(DoctorDto))]
[JsonSerializable(typeof(InsightsDto))]
[JsonSerializable(typeof(InsightApplyDto))]
[JsonSerializable(typeof(AskRequestDto))]
[JsonSerializable(typeof(AskDto))]
[JsonSerializable(typeof(IncidentDto))]
[JsonSerializable(typeof(ResourcesDto))]
[JsonSerializable(typeof(ResourceSampleDto))]
[JsonSerializable(typeof(PredictionListDto))]
public sealed partial class AuroraJsonContext : JsonSerializerContext;
