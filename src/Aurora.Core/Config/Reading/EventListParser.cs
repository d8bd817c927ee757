using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Aurora.Core.Config.Reading;

/// Hands a list of parser events to the representation model, which builds its tree (positions included) from them.
internal sealed class EventListParser(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        Current = _next < events.Count ? events[_next++] : null;
        return Current is not null;
    }
}
