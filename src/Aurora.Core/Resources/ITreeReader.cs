namespace Aurora.Core.Resources;

/// Reads a service's process tree (the pid and its descendants). The daemon's reader walks /proc.
public interface ITreeReader
{
    /// False when the root process is gone.
    bool TryRead(int pid, out TreeUsage usage);
}
