namespace Aurora.Daemon.Resources;

internal enum ProcFileKind : byte
{
    Stat,
    Children,
    Tasks,
}
