using System.Collections.Immutable;

namespace Aurora.Porting.Export;

/// Images: `--image NAME=REF`, the image each service runs in (compose, kubernetes; a service without one is not
/// exported). OutputDirectory: where the files go (absolute; compose's relative paths start there). Profiles: the
/// profiles to include (`--profile`); services of other profiles are left out of the target or the manifests.
/// WorkDir: where the project directory is inside the images (`--workdir`), so a service's cwd can be carried over.
/// WaitImage: the image of the init containers that wait for a dependency's Service (`--wait-image`).
public sealed record ExportOptions(string OutputDirectory)
{
    public const string DefaultWaitImage = "busybox:1.36";

    public ImmutableDictionary<string, string> Images { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> Profiles { get; init; } = [];

    public string? WorkDir { get; init; }

    public string WaitImage { get; init; } = DefaultWaitImage;
}
