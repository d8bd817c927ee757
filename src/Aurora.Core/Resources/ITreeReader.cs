namespace Aurora.Core.Resources;

/// Reads a service's process tree (the pid and its descendants). The daemon's reader walks /proc.
public interface ITreeReader
{
    /// False when the root process is gone.
    bool TryRead(int pid, out TreeUsage usage);

    /// A tick is over: what the reader kept for processes it did not read in it (open files) can go.
    void EndTick();
}
