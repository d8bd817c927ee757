using System.Globalization;
using System.Text;

namespace Aurora.Core.Diagnosis;

/// Finds a port's listener from /proc/net/tcp{,6} (LISTEN sockets and their inodes) and the socket
/// links in /proc/*/fd. Only run when a failure is diagnosed, never on a schedule.
public sealed class ProcPortOwners : IPortOwners
{
    public PortOwner? Owner(int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var pid in Processes.ProcessTable.AllPids())
        {
            if (HoldsAny(pid, inodes))
            {
                return new PortOwner(port, pid, Processes.ProcessTable.CommandLine(pid) ?? [], Processes.ProcessTable.Tag(pid), SecretsOf(pid));
            }
        }

        return null;
    }

    /// The secret values in the holder's own environment, so that its command line is shown without them.
    private static IReadOnlyList<string> SecretsOf(int pid)
    {
        try
        {
            var entries = Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return Secrets.ValuesOf(entries.Select(e => e.Split('=', 2)).Where(kv => kv.Length == 2).Select(kv => KeyValuePair.Create(kv[0], kv[1])));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var line in lines.Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || f[3] != "0A")
                {
                    continue;
                }

                var colon = f[1].LastIndexOf(':');
                if (int.Parse(f[1][(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{f[9]}]");
                }
            }
        }

        return inodes;
    }

    private static bool HoldsAny(int pid, HashSet<string> inodes)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return false;
    }
}
