var cache = new List<byte[]>();
try
{
    while (true)
    {
        cache.Add(new byte[64 << 10]);
    }
}
catch (OutOfMemoryException ex)
{
    cache.Clear();
    Console.Error.WriteLine($"fatal: {ex}");
    throw;
}
