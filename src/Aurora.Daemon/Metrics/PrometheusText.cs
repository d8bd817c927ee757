using System.Globalization;
using System.Text;

namespace Aurora.Daemon.Metrics;

/// Writes the Prometheus text exposition format (version 0.0.4) straight into a StringBuilder: per family one
/// `# HELP` and one `# TYPE` line, then its samples. A family name may be opened once per exposition (Prometheus
/// rejects a scrape that repeats one); every sample belongs to the family opened last, so a family's samples stay
/// together. Label values are escaped (backslash, double quote, line feed); names are checked, since a bad one
/// fails the whole scrape.
internal sealed class PrometheusText(StringBuilder output)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly HashSet<string> _families = new(StringComparer.Ordinal);
    private string? _family;

    public StringBuilder Output => output;

    public void Counter(string name, string help) => Family(name, "counter", help);

    public void Gauge(string name, string help) => Family(name, "gauge", help);

    public void Sample(double value)
    {
        output.Append(Current);
        Value(value);
    }

    public void Sample(string label, string labelValue, double value)
    {
        output.Append(Current).Append('{');
        Label(label, labelValue);
        output.Append('}');
        Value(value);
    }

    public void Sample(string label1, string value1, string label2, string value2, double value)
    {
        output.Append(Current).Append('{');
        Label(label1, value1);
        output.Append(',');
        Label(label2, value2);
        output.Append('}');
        Value(value);
    }

    public void Sample(string label1, string value1, string label2, string value2, string label3, string value3, double value)
    {
        output.Append(Current).Append('{');
        Label(label1, value1);
        output.Append(',');
        Label(label2, value2);
        output.Append(',');
        Label(label3, value3);
        output.Append('}');
        Value(value);
    }

    private string Current => _family ?? throw new InvalidOperationException("a sample needs a family: call Counter or Gauge first");

    private void Family(string name, string type, string help)
    {
        if (!IsMetricName(name))
        {
            throw new ArgumentException($"\"{name}\" is not a Prometheus metric name", nameof(name));
        }

        if (type == "counter" && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException($"counter \"{name}\" must end in _total", nameof(name));
        }

        if (!_families.Add(name))
        {
            throw new InvalidOperationException($"metric family \"{name}\" is written twice");
        }

        _family = name;
        output.Append("# HELP ").Append(name).Append(' ');
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => output.Append("\\\\"),
                '\n' => output.Append("\\n"),
                _ => output.Append(c),
            };
        }

        output.Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    private void Label(string name, string value)
    {
        if (!IsLabelName(name))
        {
            throw new ArgumentException($"\"{name}\" is not a Prometheus label name", nameof(name));
        }

        output.Append(name).Append("=\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => output.Append("\\\\"),
                '"' => output.Append("\\\""),
                '\n' => output.Append("\\n"),
                _ => output.Append(c),
            };
        }

        output.Append('"');
    }

    private void Value(double value)
    {
        output.Append(' ');
        if (double.IsNaN(value))
        {
            output.Append("NaN");
        }
        else if (double.IsInfinity(value))
        {
            output.Append(value > 0 ? "+Inf" : "-Inf");
        }
        else if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            output.Append(CultureInfo.InvariantCulture, $"{(long)value}");
        }
        else
        {
            output.Append(CultureInfo.InvariantCulture, $"{value:R}");
        }

        output.Append('\n');
    }

    /// [a-zA-Z_:][a-zA-Z0-9_:]*
    public static bool IsMetricName(string name) => IsName(name, colons: true);

    /// [a-zA-Z_][a-zA-Z0-9_]*, and not __-prefixed (reserved for Prometheus itself).
    public static bool IsLabelName(string name) => IsName(name, colons: false) && !name.StartsWith("__", StringComparison.Ordinal);

    // A loop, not LINQ: label names are checked at every sample.
    private static bool IsName(string name, bool colons)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && !(colons && c == ':'))
            {
                return false;
            }
        }

        return true;
    }
}
