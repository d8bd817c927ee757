using System.Text.Json;

namespace Aurora.Porting.Import.Pm2;

/// A PM2 ecosystem file: JSON (`{"apps": [...]}`, a single app object, or a bare array), or a .js/.cjs file that is
/// evaluated with node only when the caller allows it (ImportOptions.EvaluateJs; it is code).
public static class Pm2Importer
{
    public static List<ImportedService> Convert(string text, ImportContext ctx)
    {
        var file = ctx.SourceFile;
        var isJs = file.EndsWith(".js", StringComparison.Ordinal) || file.EndsWith(".cjs", StringComparison.Ordinal) ||
            file.EndsWith(".mjs", StringComparison.Ordinal);
        if (isJs)
        {
            text = ctx.Options.EvaluateJs is { } evaluate
                ? evaluate(file)
                : throw new ImportException($"{Path.GetFileName(file)} is JavaScript: importing it runs it with node; pass --allow-js if you trust it, or export it as ecosystem.config.json");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportException($"{Path.GetFileName(file)}:{e.LineNumber + 1}: not valid JSON: {e.Message}");
        }

        using (doc)
        {
            var apps = Apps(doc.RootElement, file);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("deploy", out _))
            {
                ctx.Skip(null, "deploy", "PM2's deployment targets (ssh, git) are not part of running the services");
            }

            var named = apps.Select((app, i) => (App: app, SourceName: Pm2App.NameOf(app, i))).ToList();
            return [.. named.Select(a => Pm2App.Convert(a.App, ctx.Names.Add(a.SourceName), a.SourceName, ctx))];
        }
    }

    private static List<JsonElement> Apps(JsonElement root, string file)
    {
        var list = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("apps", out var apps) => apps,
            JsonValueKind.Object when root.TryGetProperty("script", out _) => default,
            _ => throw new ImportException($"{Path.GetFileName(file)}: no apps: PM2 expects {{\"apps\": [...]}}, an app object or an array of apps"),
        };
        if (list.ValueKind == JsonValueKind.Undefined)
        {
            return [root.Clone()];
        }

        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => a.Clone())]
            : list.ValueKind == JsonValueKind.Object ? [list.Clone()] : [];
    }
}
