namespace Aurora.Contracts.V1;

/// <summary>`POST /api/v1/reload[?dry_run=true]`: what the reload changed (or would change).</summary>
public sealed record ReloadDto(
    bool Applied,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<ServiceChangeDto> Restarted,
    IReadOnlyList<ServiceChangeDto> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> NeedsDaemonRestart,
    /// <summary>Top-level sections applied in place (notify, healing, maintenance).</summary>
    IReadOnlyList<string>? Settings = null,
    /// <summary>The config files read, in merge order: those the daemon was started with.</summary>
    IReadOnlyList<string>? Files = null);

/// <summary>A changed service and the config keys that changed.</summary>
public sealed record ServiceChangeDto(string Service, IReadOnlyList<string> Fields);
