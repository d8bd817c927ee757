namespace Aurora.Core.Config.Reading;

/// Builds the dotted paths shown in diagnostics: `services.api.ports[1]`.
internal static class KeyPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
