using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Aurora.Core.Config.Reading;

/// Hands YAML events to the representation model, which builds nested lists and mappings by recursion:
/// 60,000 nested brackets overflowed the daemon's stack on reload (issue 19, finding 4). The event parser
/// itself keeps its own stacks, so counting here stops a deep file before the recursion gets deep.
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > maxDepth:
                throw new NestingTooDeepException(inner.Current.Start, maxDepth);
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

internal sealed class NestingTooDeepException(Mark at, int maxDepth)
    : YamlException(at, at, $"nesting is deeper than {maxDepth} levels of lists and mappings; no config needs that many, flatten it");
