namespace Aurora.Layout;

/// `.aurora/token`: the bearer token for the TCP listener, made on first start, mode 0600. A token file
/// that is empty, too short to resist guessing, not plain printable ASCII, or open to the group or
/// others is replaced with a fresh token (and the daemon log says why): an empty token once let anyone in.
public static class TokenFile
{
    /// Shorter tokens are replaced (a fresh one is 48 hex digits: 192 bits).
    public const int MinLength = 32;

    private const UnixFileMode NotOwner =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// The current token, made (or remade) first when needed; `log` (stderr by default: the daemon log)
    /// hears why a token was replaced.
    public static string Ensure(DaemonPaths paths, TextWriter? log = null)
    {
        if (File.Exists(paths.Token))
        {
            var token = File.ReadAllText(paths.Token).Trim(' ', '\t', '\r', '\n');
            if (Flaw(token, File.GetUnixFileMode(paths.Token)) is not { } flaw)
            {
                return token;
            }

            (log ?? Console.Error).WriteLine($"aurora: {paths.Token} {flaw}; replaced it with a fresh token (open the dashboard again with `aurora dashboard`)");
        }

        return Write(paths.Token);
    }

    private static string? Flaw(string token, UnixFileMode mode) =>
        token.Length == 0 ? "was empty"
        : token.Length < MinLength ? $"held a token of {token.Length} characters, fewer than {MinLength}"
        : !token.All(c => c is > ' ' and < (char)0x7F) ? "held characters other than printable ASCII"
        : (mode & NotOwner) != 0 ? "could be read or written by other users (it must be mode 0600)"
        : null;

    private static string Write(string path)
    {
        // The kernel's CSPRNG read directly: the crypto API would load OpenSSL (~3 MB resident) for 24 bytes.
        var bytes = new byte[24];
        using (var random = File.OpenRead("/dev/urandom"))
        {
            random.ReadExactly(bytes);
        }

        var token = Convert.ToHexStringLower(bytes);

        // Made 0600 from the start and renamed into place: never readable by others, never half written.
        var fresh = path + ".new";
        using (var file = new FileStream(fresh, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(token + "\n"));
        }

        File.SetUnixFileMode(fresh, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(fresh, path, overwrite: true);
        return token;
    }
}
