namespace Aurora.Core.Logs;

/// The last Capacity lines, oldest first. Not thread-safe: ServiceLog guards it. The array comes with the first
/// line: a service that prints nothing (most sleepers, workers) costs no 1.6 KB of it.
internal sealed class LineRing(int capacity)
{
    private string[] _items = [];
    private int _next;
    private int _count;

    public int Count => _count;

    public void Add(string line)
    {
        if (_items.Length == 0)
        {
            _items = new string[capacity];
        }

        _items[_next] = line;
        _next = (_next + 1) % _items.Length;
        if (_count < _items.Length)
        {
            _count++;
        }
    }

    public string[] Last(int n)
    {
        n = Math.Clamp(n, 0, _count);
        if (n == 0)
        {
            return [];
        }

        var result = new string[n];
        var start = (_next - n + _items.Length) % _items.Length;
        for (var i = 0; i < n; i++)
        {
            result[i] = _items[(start + i) % _items.Length];
        }

        return result;
    }
}
