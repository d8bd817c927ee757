using System.CommandLine;
using Aurora.Cli.Output;
using Aurora.Core;
using Aurora.Core.Config;
using Aurora.Porting.Import;
using Aurora.Porting.Import.Pm2;

namespace Aurora.Cli.Commands;

/// `aurora import [FILE] [-o aurora.yaml] [--dry-run] [--force] [--allow-js]`: converts another tool's file into a
/// commented aurora.yaml, checks it with Aurora's own loader, and says what was not carried over. No daemon needed.
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Procfile, compose.yaml, ecosystem.config.json, supervisord.conf or process-compose.yaml (default: the first found here)",
        };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the result", DefaultValueFactory = _ => ConfigLoader.DefaultFileName };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the aurora.yaml to stdout and write nothing" };
        var force = new Option<bool>("--force") { Description = "Overwrite the output if it exists" };
        var allowJs = new Option<bool>("--allow-js")
        {
            Description = "Read ecosystem.config.js/.cjs by running it with node: it is code, and runs with your permissions",
        };
        var command = new Command("import", "Convert a Procfile, Compose file, PM2 ecosystem file, supervisord.conf or process-compose.yaml into aurora.yaml")
        {
            file, output, dryRun, force, allowJs,
        };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(output)!, parse.GetValue(dryRun), parse.GetValue(force), parse.GetValue(allowJs)));
        return command;
    }

    private static int Run(string? file, string output, bool dryRun, bool force, bool allowJs)
    {
        var source = file ?? FormatDetector.FindIn(Directory.GetCurrentDirectory(), allowJs);
        if (source is null)
        {
            Terminal.Error($"nothing to import here: none of {string.Join(", ", FormatDetector.KnownNames.Where(n => allowJs || !n.Contains(".js", StringComparison.Ordinal) && !n.EndsWith(".cjs", StringComparison.Ordinal)))}; name the file: aurora import FILE");
            return ExitCodes.Usage;
        }

        if (!File.Exists(source))
        {
            Terminal.Error($"{source}: file not found");
            return ExitCodes.Usage;
        }

        var outputPath = Path.GetFullPath(output);
        if (!dryRun && File.Exists(outputPath) && !force)
        {
            Terminal.Error($"{output} exists; pass --force to overwrite it, -o to write elsewhere, or --dry-run to print the result");
            return ExitCodes.Usage;
        }

        ImportResult result;
        try
        {
            var options = new ImportOptions(Path.GetDirectoryName(outputPath)!) { EvaluateJs = allowJs ? NodeEvaluator.Evaluate : null };
            result = Importer.Import(source, options);
        }
        catch (ImportException e)
        {
            Terminal.Error(e.Message);
            return ExitCodes.Usage;
        }

        var yaml = AuroraYamlWriter.Write(result);
        var check = ConfigLoader.Parse(yaml, outputPath, Path.GetDirectoryName(outputPath)!);
        var summary = dryRun ? Console.Error : Console.Out;
        foreach (var d in check.Diagnostics)
        {
            Console.Error.WriteLine(d);
        }

        if (!check.Ok)
        {
            Terminal.Error($"the converted file does not validate (a bug in the {AuroraYamlWriter.Describe(result.Format)} importer); nothing written");
            return ExitCodes.Failed;
        }

        if (dryRun)
        {
            Console.Out.Write(yaml);
        }
        else
        {
            File.WriteAllText(outputPath, yaml);
        }

        Summarize(summary, result, dryRun ? null : output);
        return ExitCodes.Ok;
    }

    private static void Summarize(TextWriter w, ImportResult result, string? written)
    {
        var secrets = Secrets.ValuesOf(result.Services.SelectMany(s => s.Env));
        var where = written is null ? "" : $" into {written}";
        w.WriteLine($"imported {result.Services.Count} service{(result.Services.Count == 1 ? "" : "s")} from {Path.GetFileName(result.SourceFile)} ({AuroraYamlWriter.Describe(result.Format)}){where}");
        foreach (var s in result.Services)
        {
            w.WriteLine($"  {s.Name}: {Secrets.ScrubCommandLine(s.Command, secrets)}");
        }

        foreach (var group in result.NotCarried.GroupBy(n => n.Service ?? "(file)"))
        {
            w.WriteLine($"not carried over, {group.Key}:");
            foreach (var n in group)
            {
                var item = n.Item == ImportContext.WholeService ? "not converted" : n.Item;
                w.WriteLine($"  {Secrets.Scrub(item, secrets)}: {Secrets.Scrub(n.Reason, secrets)}");
            }
        }
    }
}
