using System.Globalization;

namespace Aurora.Core.Processes.Holding;

/// Where a project's holder listens (`.aurora/holder.sock`) and says who it is (`.aurora/holder.pid`: pid,
/// start time in clock ticks, token), so a daemon can tell the live holder from a stale socket or a reused pid.
public sealed record HolderFiles(string StateDirectory)
{
    public string Socket => Path.Combine(StateDirectory, "holder.sock");

    public string Identity => Path.Combine(StateDirectory, "holder.pid");

    internal void WriteIdentity(int pid, long startTicks, string token)
    {
        var temporary = Identity + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{pid} {startTicks} {token}\n"));
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, Identity, overwrite: true);
    }

    internal (int Pid, long StartTicks, string Token)? ReadIdentity()
    {
        try
        {
            var parts = File.ReadAllText(Identity).Split(' ', StringSplitOptions.TrimEntries);
            return parts.Length == 3 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks) ? (pid, ticks, parts[2]) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// Removes the socket and identity, if they are still this holder's.
    internal void Remove(int pid)
    {
        if (ReadIdentity() is { } identity && identity.Pid == pid)
        {
            File.Delete(Identity);
            File.Delete(Socket);
        }
    }
}
