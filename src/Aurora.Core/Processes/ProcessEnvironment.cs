namespace Aurora.Core.Processes;

/// The child's envp: exactly the spec's environment, plus AURORA_TAG when the spec has a tag.
internal static class ProcessEnvironment
{
    public const string TagVariable = "AURORA_TAG";

    public static List<string> Build(ProcessSpec spec)
    {
        var env = spec.Tag is null ? spec.Environment : spec.Environment.SetItem(TagVariable, spec.Tag);
        return env.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value).ToList();
    }
}
