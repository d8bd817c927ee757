namespace Aurora.Porting.Yaml;

/// A node of a document being written: a scalar already formatted, a mapping or a list (YamlEmitter writes them).
public abstract class YamlNode
{
    public static YamlNode Text(string value) => new YamlScalarNode(YamlScalar.String(value));

    public static YamlNode Number(long value) => new YamlScalarNode(YamlScalar.Number(value));

    public static YamlNode Number(double value) => new YamlScalarNode(YamlScalar.Number(value));

    public static YamlNode Bool(bool value) => new YamlScalarNode(YamlScalar.Bool(value));

    public static YamlList Texts(IEnumerable<string> values) => new(values.Select(Text));
}
