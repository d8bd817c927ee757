using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Rendering;

/// How each value of the document may be shown (SPEC §7): an env entry of a secret name is `***`; every other
/// value loses the known secret values, URL passwords and `SECRET_NAME=value` words it holds.
internal sealed class SecretMask(IReadOnlyList<string> secretValues)
{
    /// path: the keys and list indexes down to the value (`services`, `api`, `env`, `API_KEY`).
    public string Show(IReadOnlyList<string> path, string value) =>
        IsServiceEnv(path) && Secrets.IsSecretName(path[3]) ? Secrets.Mask : Secrets.Scrub(value, secretValues);

    /// The secret values a document shows: those of secret-named variables its `${…}` could take, and those of the
    /// secret names in its services' env, which may be repeated elsewhere (a command's flag).
    public static IReadOnlyList<string> ValuesOf(YamlNode root, IEnumerable<KeyValuePair<string, string>> variables) =>
        Secrets.ValuesOf(variables.Concat(ServiceEnvironments(root)));

    private static IEnumerable<KeyValuePair<string, string>> ServiceEnvironments(YamlNode root) =>
        from service in Child(root, "services") is YamlMappingNode services ? services.Children.Values : []
        where Child(service, "env") is YamlMappingNode
        from entry in ((YamlMappingNode)Child(service, "env")!).Children
        where entry is { Key: YamlScalarNode { Value: not null }, Value: YamlScalarNode { Value: not null } }
        select KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, ((YamlScalarNode)entry.Value).Value!);

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode map ? map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value : null;

    private static bool IsServiceEnv(IReadOnlyList<string> path) => path.Count == 4 && path[0] == "services" && path[2] == "env";
}
