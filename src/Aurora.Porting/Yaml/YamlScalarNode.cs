namespace Aurora.Porting.Yaml;

/// A scalar, in the form it is written (YamlScalar made it).
public sealed class YamlScalarNode(string formatted) : YamlNode
{
    public string Formatted { get; } = formatted;
}
