namespace Aurora.Contracts.V1;

/// <summary>`POST /api/v1/services/{name}/scale?replicas=N` and `aurora scale NAME N --json`: the instances added and
/// removed. It lasts until the next reload.</summary>
public sealed record ScaleDto(string Service, int Replicas, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>The body of `POST /api/v1/services/{name}/scale`.</summary>
public sealed record ScaleRequestDto(int? Replicas);
