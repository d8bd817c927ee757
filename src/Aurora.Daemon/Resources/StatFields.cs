namespace Aurora.Daemon.Resources;

/// The fields of one /proc/PID/stat line the sampler needs: CPU ticks (utime+stime+cutime+cstime), RSS in
/// pages, and the number of threads.
internal readonly record struct StatFields(long Ticks, long RssPages, long Threads);
