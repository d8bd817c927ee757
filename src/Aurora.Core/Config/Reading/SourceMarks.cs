using YamlDotNet.Core;

namespace Aurora.Core.Config.Reading;

/// Which file of a merged config a position lies in. Readers report problems at YamlDotNet marks, which carry a
/// line, a column and a character index but no file; a merged document's nodes come from several files, so the
/// file's place in the list rides in the high bits of the character index (no diagnostic shows the index) and
/// DiagnosticBag reads it back. The first file's marks are left as they are.
internal static class SourceMarks
{
    // A file is at most 1 MiB: its own character indexes never reach these bits.
    private const int Shift = 40;

    public static Mark In(int file, Mark at) =>
        file == 0 ? at : new Mark(at.Index + ((long)file << Shift), at.Line, at.Column);

    public static int FileOf(Mark at) => (int)(at.Index >> Shift);
}
