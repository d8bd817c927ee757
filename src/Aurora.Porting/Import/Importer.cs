namespace Aurora.Porting.Import;

/// `aurora import`: reads one file of another tool and converts it. Throws ImportException when the file cannot be
/// read as its format.
public static class Importer
{
    public static ImportResult Import(string file, ImportOptions options, ImportFormat? format = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot read {file}: {e.Message}");
        }

        var detected = format ?? FormatDetector.ByName(file) ?? FormatDetector.ByContent(file, text)
            ?? throw new ImportException($"{file}: not a Procfile, Compose file, PM2 ecosystem file, supervisord.conf or process-compose.yaml");
        var ctx = new ImportContext(file, options);
        var services = detected switch
        {
            ImportFormat.Procfile => Procfile.ProcfileImporter.Convert(text, ctx),
            ImportFormat.Compose => Compose.ComposeImporter.Convert(text, ctx),
            ImportFormat.Pm2 => Pm2.Pm2Importer.Convert(text, ctx),
            ImportFormat.Supervisord => Supervisord.SupervisordImporter.Convert(text, ctx),
            _ => ProcessCompose.ProcessComposeImporter.Convert(text, ctx),
        };
        Dependencies.Settle(services, ctx);
        return new ImportResult(ctx.SourceFile, detected, services, ctx.NotCarried);
    }
}
