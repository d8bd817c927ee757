using System.Collections.Immutable;

namespace Aurora.Porting.Export;

/// The files of one export and everything it left out, per service, with the reason.
public sealed record ExportResult(ImmutableArray<ExportedFile> Files, ImmutableArray<Omission> Omissions)
{
    public ExportedFile File(string name) => Files.Single(f => f.Name == name);
}
