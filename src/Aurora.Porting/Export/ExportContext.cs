using Aurora.Core.Config;

namespace Aurora.Porting.Export;

/// What the compose and Kubernetes exporters share while they write: the config, the options, the omissions.
internal sealed record ExportContext(AuroraConfig Config, ExportOptions Options, OmissionList Omissions)
{
    public string Project { get; } = ProjectName.Of(Config.ProjectDirectory);

    /// The image of a unit (`--image` names the declared service), or null after listing it as not exported.
    public string? Image(ExportUnit unit, string format)
    {
        if (Options.Images.TryGetValue(unit.Declared, out var image))
        {
            return image;
        }

        ImageMissing.Add(Omissions, unit.Declared, format);
        return null;
    }

    /// The service's cwd inside the image: `--workdir` (where the project is there) joined with the cwd's place in
    /// the project. Without --workdir the image's own working directory is used, which is right only for a service
    /// that runs in the project directory itself; any other is listed.
    public string? WorkingDirectory(ServiceConfig s)
    {
        var relative = Path.GetRelativePath(Config.ProjectDirectory, s.WorkingDirectory);
        if (Options.WorkDir is { } workDir)
        {
            return relative == "." ? workDir : Path.Combine(workDir, relative);
        }

        if (relative != ".")
        {
            Omissions.Add(s.DeclaredName, "cwd", $"./{relative} is a host path; pass --workdir DIR (where the project is inside the image) to carry it over");
        }

        return null;
    }

    /// Services of other profiles than `--profile` names are left out (compose keeps them, with their profiles).
    public bool IsSelected(ServiceConfig s) => s.Profiles.IsEmpty || s.Profiles.Any(Options.Profiles.Contains);
}
