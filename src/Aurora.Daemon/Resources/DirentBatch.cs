namespace Aurora.Daemon.Resources;

/// Receives a batch of linux_dirent64 records.
internal delegate void DirentBatch(ReadOnlySpan<byte> records);
