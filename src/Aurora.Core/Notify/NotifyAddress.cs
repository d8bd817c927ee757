using System.Net.Sockets;
using System.Text;

namespace Aurora.Core.Notify;

/// Where sd_notify datagrams go, spelled as in `$NOTIFY_SOCKET`: an absolute path ("/run/systemd/notify") or a
/// name in the abstract namespace ("@aurora/api"), the two forms sd_notify(3) accepts.
public sealed record NotifyAddress
{
    // sun_path is 108 bytes; a path needs its terminating NUL, an abstract name its leading one.
    private const int MaxBytes = 107;

    private NotifyAddress(string text)
    {
        Text = text;
    }

    /// The value for `$NOTIFY_SOCKET`.
    public string Text { get; }

    public bool IsAbstract => Text[0] == '@';

    /// `$NOTIFY_SOCKET` as sd_notify reads it; null when it is unset, empty or not a form it supports
    /// (a relative path, `vsock:`, or too long for a socket address).
    public static NotifyAddress? Parse(string? value) =>
        value is { Length: > 1 } && value[0] is '/' or '@' && Encoding.UTF8.GetByteCount(value) - (value[0] == '@' ? 1 : 0) <= MaxBytes
            && !value.Contains('\0')
            ? new NotifyAddress(value)
            : null;

    public static NotifyAddress AtPath(string path) =>
        Parse(Path.GetFullPath(path)) ?? throw new ArgumentException($"not usable as a socket address: {path}", nameof(path));

    public static NotifyAddress Abstract(string name) =>
        Parse("@" + name) ?? throw new ArgumentException($"not usable as an abstract socket name: {name}", nameof(name));

    internal UnixDomainSocketEndPoint EndPoint() => new(IsAbstract ? "\0" + Text[1..] : Text);

    public override string ToString() => Text;
}
