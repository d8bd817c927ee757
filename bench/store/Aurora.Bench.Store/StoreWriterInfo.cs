namespace Aurora.Bench.Store;

internal static class StoreWriterInfo
{
    public const int MaxBatch = 2048;
}
