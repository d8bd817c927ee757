namespace Aurora.Core.Config.Reading;

/// `doctor: { advisories: ./advisories }`: the directory of OSV-format advisory files `aurora doctor` matches the
/// lockfiles against, offline. A directory that does not exist yet is not a config error: doctor reports it.
internal static class DoctorReader
{
    public static readonly string[] Keys = ["advisories"];

    public static DoctorConfig Read(YamlMap root, ReadContext ctx)
    {
        if (root.Map("doctor", Keys) is not { } map || map.Get("advisories") is not { } node)
        {
            return DoctorConfig.Default;
        }

        var text = map.String("advisories");
        if (text is null)
        {
            return DoctorConfig.Default;
        }

        if (text.Trim().Length == 0)
        {
            ctx.Bag.Error(node.Start, map.PathOf("advisories"),
                "needs a directory of OSV advisory files (*.json), relative to the project directory, e.g. advisories: ./advisories");
            return DoctorConfig.Default;
        }

        return new DoctorConfig(Path.GetFullPath(Path.Combine(ctx.ProjectDirectory, text)));
    }
}
