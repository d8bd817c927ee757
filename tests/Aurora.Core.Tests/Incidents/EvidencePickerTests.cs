using Aurora.Core.Incidents;

namespace Aurora.Core.Tests.Incidents;

public class EvidencePickerTests
{
    [Fact]
    public void Prefers_error_lines_drops_aurora_notes_and_scrubs_secrets()
    {
        string[] recent =
        [
            "starting on port 5001",
            "[aurora] pid 42 exited: exit 1",
            "Traceback (most recent call last):",
            "  File \"app.py\", line 3, in <module>",
            "OSError: [Errno 98] Address already in use (token s3cr3t-value)",
            "shutting down",
        ];
        var picked = EvidencePicker.Pick(recent, ["s3cr3t-value"]);
        Assert.Equal(["Traceback (most recent call last):", "OSError: [Errno 98] Address already in use (token ***)"], picked);
    }

    [Fact]
    public void Without_error_lines_takes_the_last_few_and_never_more_than_ten()
    {
        var plain = Enumerable.Range(1, 30).Select(i => $"line {i}").ToList();
        Assert.Equal(["line 26", "line 27", "line 28", "line 29", "line 30"], EvidencePicker.Pick(plain, []));
        var errors = Enumerable.Range(1, 30).Select(i => $"Error {i}").ToList();
        Assert.Equal(EvidencePicker.MaxLines, EvidencePicker.Pick(errors, []).Count);
        Assert.Equal("Error 30", EvidencePicker.Pick(errors, [])[^1]);
    }
}
