using System.Collections.Immutable;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config.Reading;

/// `env` and `env_file`, merged with `env` winning. Values are never echoed in messages.
internal static class EnvironmentReader
{
    public static (ImmutableSortedDictionary<string, string> Environment, string? EnvFile) Read(YamlMap service, ReadContext ctx)
    {
        var merged = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var envFile = ReadEnvFile(service, ctx, merged);
        var env = service.Map("env", null);
        foreach (var (key, value) in env?.Entries ?? [])
        {
            var path = KeyPath.Child(env!.Path, key.Value!);
            if (key.Value!.Length == 0 || key.Value.Contains('=') || key.Value.Contains('\0'))
            {
                ctx.Bag.Error(key.Start, path, "is not a valid variable name; it must be non-empty and contain no = sign");
                continue;
            }

            var text = YamlNodes.IsNull(value) ? "" : ScalarReader.Text(value, path, ctx.Bag, "a string");
            if (text is not null)
            {
                merged[key.Value] = text;
            }
        }

        return (merged.ToImmutable(), envFile);
    }

    private static string? ReadEnvFile(YamlMap service, ReadContext ctx, IDictionary<string, string> into)
    {
        if (service.String("env_file") is not { } relative)
        {
            return null;
        }

        var path = service.PathOf("env_file");
        var full = Path.GetFullPath(Path.Combine(ctx.ProjectDirectory, relative));
        if (!File.Exists(full))
        {
            ctx.Bag.Error(service.Get("env_file")!.Start, path,
                $"{YamlNodes.Quote(relative)} does not exist (looked for {full}); create it or remove env_file");
            return full;
        }

        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Bag.Error(service.Get("env_file")!.Start, path, $"{YamlNodes.Quote(relative)} cannot be read: {e.Message}");
            return full;
        }

        var parsed = EnvFileParser.Parse(text);
        foreach (var problem in parsed.Problems)
        {
            ctx.Bag.ErrorIn(full, problem.Line, problem.Column, path, problem.Message);
        }

        foreach (var (key, value) in parsed.Entries)
        {
            into[key] = value;
        }

        return full;
    }
}
