using Aurora.Core.Config.Rendering;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config;

/// The merged, interpolated config as a document (`aurora config`): rendered as YAML, in the order of the first
/// file with the keys later files add after, or as JSON. Secrets are always masked (SPEC §7): the env values of
/// secret names, URL passwords, `SECRET_NAME=value` words, and wherever they stand, the values of secret-named
/// variables (the environment, the `.env`) and of the services' secret env entries.
public sealed class ConfigDocument
{
    private readonly YamlNode _root;
    private readonly SecretMask _mask;

    internal ConfigDocument(YamlNode root, IReadOnlyList<string> secretValues)
    {
        _root = root;
        _mask = new SecretMask(secretValues);
    }

    public string ToYaml() => YamlWriter.Write(_root, _mask);

    public string ToJson() => JsonWriter.Write(_root, _mask);
}
