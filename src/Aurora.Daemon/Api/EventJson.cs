using System.Runtime.CompilerServices;
using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;

namespace Aurora.Daemon.Api;

/// An event's wire JSON, serialised once however many WebSocket clients and webhooks send it.
internal static class EventJson
{
    private static readonly ConditionalWeakTable<AuroraEvent, byte[]> Cache = new();

    public static byte[] Utf8(AuroraEvent e) =>
        Cache.GetValue(e, static ev => JsonSerializer.SerializeToUtf8Bytes(DtoMapper.ToDto(ev), AuroraJsonContext.Default.EventDto));
}
