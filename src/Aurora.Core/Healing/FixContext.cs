using Aurora.Core.Config;
using Aurora.Core.Diagnosis;

namespace Aurora.Core.Healing;

/// What a fix works with: the failing service, the verdict, and the project it may not step outside of.
public sealed record FixContext(ServiceConfig Service, Diagnosis.Diagnosis Verdict, string ProjectDirectory, string ProjectId);

/// What applying a fix did: whether it ran, and a line for people.
public sealed record FixResult(bool Applied, string Detail)
{
    public static FixResult Ok(string detail) => new(true, detail);

    public static FixResult Failed(string detail) => new(false, detail);
}
