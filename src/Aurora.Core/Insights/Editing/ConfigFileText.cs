using System.Text;

namespace Aurora.Core.Insights.Editing;

/// A config file's text as the editor works on it: decoded from UTF-8 with its byte-order mark remembered, so
/// an edit changes the bytes it means to and no others. Newline is the file's own line break (CRLF or LF).
public sealed record ConfigFileText(string Path, string Text, bool Bom)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Newline => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    public static ConfigFileText Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        return new ConfigFileText(path, Strict.GetString(bom ? bytes[3..] : bytes), bom);
    }

    public byte[] Bytes() => [.. (Bom ? Encoding.UTF8.Preamble : []), .. Strict.GetBytes(Text)];

    public ConfigFileText With(string text) => this with { Text = text };
}
