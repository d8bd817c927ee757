using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Kubernetes;

/// Object names (DNS-1123 labels: `_` becomes `-`) and the labels that tie a unit's objects together.
internal static class KubernetesNames
{
    public static string Of(string unit) => ProjectName.Sanitize(unit, "service");

    public static string SecretName(string project) => $"{project}-secrets";

    public static string EnvFileSecret(string declared) => $"{Of(declared)}-env";

    /// The key of a secret-named variable in the project's Secret: SERVICE.NAME, so two services may differ.
    public static string SecretKey(string declared, string variable) => $"{declared}.{variable}";

    public static YamlMapping Labels(string name, string project) => new YamlMapping()
        .Add("app.kubernetes.io/name", name)
        .Add("app.kubernetes.io/part-of", project);
}
