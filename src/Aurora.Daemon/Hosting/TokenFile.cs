using System.Security.Cryptography;

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

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(paths.Token, token + "\n");
        File.SetUnixFileMode(paths.Token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return token;
    }
}
