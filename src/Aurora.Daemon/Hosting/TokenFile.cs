namespace Aurora.Daemon.Hosting;

/// `.aurora/token`: the bearer token for the TCP listener, made on first start, mode 0600.
public static class TokenFile
{
    public static string Ensure(DaemonPaths paths)
    {
        if (File.Exists(paths.Token))
        {
            return File.ReadAllText(paths.Token).Trim();
        }

        // The kernel's CSPRNG read directly: the crypto API would load OpenSSL (~3 MB resident) for 24 bytes.
        var bytes = new byte[24];
        using (var random = File.OpenRead("/dev/urandom"))
        {
            random.ReadExactly(bytes);
        }

        var token = Convert.ToHexStringLower(bytes);
        File.WriteAllText(paths.Token, token + "\n");
        File.SetUnixFileMode(paths.Token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return token;
    }
}
