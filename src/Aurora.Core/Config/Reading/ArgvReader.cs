using System.Collections.Immutable;
using Aurora.Core.Config.Parsing;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Reads a command: a list of strings (argv as is) or one string split like a shell would.
internal static class ArgvReader
{
    public const string ShellHintForCommand = "set shell: true to run it with /bin/sh -c";
    public const string ShellHintForArgv = "write it as [\"/bin/sh\", \"-c\", \"...\"] to run it with a shell";

    /// Null (after reporting) when the value is unusable; never an empty array.
    public static ImmutableArray<string>? Read(YamlNode node, string path, DiagnosticBag bag, string shellHint)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                return FromList(sequence, path, bag);
            case YamlScalarNode { Value: { } text }:
                return FromString(node, text, path, bag, shellHint);
            default:
                bag.Error(node.Start, path, $"expected a list of strings or a string, got {YamlNodes.Describe(node)}");
                return null;
        }
    }

    private static ImmutableArray<string>? FromList(YamlSequenceNode sequence, string path, DiagnosticBag bag)
    {
        var argv = ImmutableArray.CreateBuilder<string>();
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var text = ScalarReader.Text(item, KeyPath.Item(path, i), bag, "a string");
            ok &= text is not null;
            argv.Add(text ?? "");
        }

        if (sequence.Children.Count == 0 || argv[0].Length == 0)
        {
            bag.Error(sequence.Start, path, "is empty; give the program to run and its arguments, e.g. [\"python3\", \"app.py\"]");
            return null;
        }

        return ok ? argv.ToImmutable() : null;
    }

    private static ImmutableArray<string>? FromString(YamlNode node, string text, string path, DiagnosticBag bag, string shellHint)
    {
        var split = CommandLineSplitter.Split(text);
        if (split.Error is not null)
        {
            bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} {split.Error}; close it or write the command as a list");
            return null;
        }

        if (split.Argv.IsEmpty || split.Argv[0].Length == 0)
        {
            bag.Error(node.Start, path, "is empty; give the program to run and its arguments, e.g. \"python3 app.py\"");
            return null;
        }

        if (split.ShellSyntax is { } op)
        {
            bag.Warning(node.Start, path,
                $"{YamlNodes.Quote(text)} contains `{op}`, which is passed to the program as is, not run by a shell; {shellHint}");
        }

        return split.Argv;
    }
}
