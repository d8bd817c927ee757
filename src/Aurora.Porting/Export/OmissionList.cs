using System.Collections.Immutable;

namespace Aurora.Porting.Export;

/// Collects what an export leaves out, in the order found, each once.
public sealed class OmissionList
{
    private readonly List<Omission> _items = [];

    public void Add(string service, string what, string why)
    {
        var item = new Omission(service, what, why);
        if (!_items.Contains(item))
        {
            _items.Add(item);
        }
    }

    public bool Has(string service) => _items.Any(o => o.Service == service);

    public ImmutableArray<Omission> ToImmutable() => [.. _items];
}
