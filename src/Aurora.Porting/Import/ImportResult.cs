namespace Aurora.Porting.Import;

/// What an import made of one source file: the services written, what was not carried over (and why), and the
/// services that could not be converted at all (listed with a reason in NotCarried, Item "service").
public sealed record ImportResult(string SourceFile, ImportFormat Format, IReadOnlyList<ImportedService> Services,
    IReadOnlyList<NotCarried> NotCarried)
{
    public IEnumerable<NotCarried> NotConvertible => NotCarried.Where(n => n.Item == ImportContext.WholeService);
}
