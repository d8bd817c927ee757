using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Aurora.Core.Notify;

/// One sd_notify datagram: newline-separated `KEY=VALUE` assignments (READY=1, STATUS=…, WATCHDOG=1,
/// STOPPING=1, MAINPID=…), as sd_notify(3) sends them. SenderPid is the sender's pid as the kernel vouches
/// for it (SCM_CREDENTIALS), when the datagram was received by a NotifyListener.
public sealed record NotifyMessage(ImmutableArray<KeyValuePair<string, string>> Assignments, int? SenderPid = null)
{
    /// systemd reads at most this much of a notification (NOTIFY_BUFFER_MAX, PIPE_BUF): longer ones are dropped.
    public const int MaxBytes = 4096;

    public static NotifyMessage Of(params (string Key, string Value)[] assignments) =>
        new([.. assignments.Select(a => Checked(a.Key, a.Value))]);

    /// The value of the key's last assignment, as systemd reads a repeated one.
    public string? this[string key] => Assignments.LastOrDefault(a => a.Key == key) is { Key: not null } a ? a.Value : null;

    public bool Ready => this["READY"] == "1";

    public bool Stopping => this["STOPPING"] == "1";

    public bool Watchdog => this["WATCHDOG"] == "1";

    public string? Status => this["STATUS"];

    public int? MainPid => int.TryParse(this["MAINPID"], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;

    /// The datagram's text. Values cannot hold a newline: it would start a new assignment.
    public string Format() => string.Join('\n', Assignments.Select(a => $"{a.Key}={a.Value}"));

    /// For logs and test failures: the assignments on one line.
    public override string ToString() => Format().Replace("\n", " | ");

    /// Reads a datagram: lines without '=' (or with an empty key) are skipped, as systemd skips them. Null
    /// for what systemd refuses whole: embedded NUL bytes or invalid UTF-8.
    public static NotifyMessage? Parse(ReadOnlySpan<byte> datagram, int? senderPid = null)
    {
        if (datagram.Contains((byte)0))
        {
            return null;
        }

        string text;
        try
        {
            text = Strict.GetString(datagram);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var assignments = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq > 0)
            {
                assignments.Add(new(line[..eq], line[(eq + 1)..]));
            }
        }

        return new NotifyMessage(assignments.ToImmutable(), senderPid);
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static KeyValuePair<string, string> Checked(string key, string value)
    {
        if (key.Length == 0 || key.AsSpan().ContainsAny("=\n\0") || value.AsSpan().ContainsAny("\n\0"))
        {
            throw new ArgumentException($"not a notify assignment: {key}={value}");
        }

        return new(key, value);
    }
}
