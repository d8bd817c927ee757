using System.Text.Json.Serialization;

namespace Aurora.Contracts.V1;

/// <summary>`GET /api/v1/resources?minutes=N`: each service's samples from the daemon's five-minute ring,
/// oldest first. IntervalMs is `monitor.sample_interval`; null (and no services) while sampling is off.</summary>
public sealed record ResourcesDto(long? IntervalMs, IReadOnlyList<ServiceResourcesDto> Services);

/// <summary>One service's samples in `GET /api/v1/resources`, each `[unix_ms, cpu_percent, memory_bytes]`.</summary>
public sealed record ServiceResourcesDto(string Name, IReadOnlyList<ResourcePointDto> Samples);

/// <summary>One sample: when (unix milliseconds), CPU as % of one core over the interval before it (one
/// decimal), and the RSS of the service's whole process tree. On the wire a 3-element array.</summary>
[JsonConverter(typeof(ResourcePointConverter))]
public readonly record struct ResourcePointDto(long UnixMs, double CpuPercent, long MemoryBytes);

/// <summary>The live stream's `resource.sample` line: one per `monitor.sample_interval` with every service
/// that has a process. It has no `seq`: it is never stored, replayed or sent to webhooks, and a client that
/// is behind gets only the newest one. A stream joined with `?samples=false` gets none.</summary>
public sealed record ResourceSampleDto(string Type, DateTimeOffset Time, long IntervalMs, IReadOnlyList<ServiceSampleDto> Services);

/// <summary>One service in a `resource.sample` line.</summary>
public sealed record ServiceSampleDto(string Name, int Pid, double CpuPercent, long MemoryBytes);
