namespace Aurora.Layout;

/// Writes and removes a unit file; never overwrites another unit unless forced.
public static class SystemdUnitFile
{
    /// Writes the unit (0644, atomically: a half-written unit is never loaded). An existing file with other
    /// content is replaced only when forced.
    public static UnitWrite Write(string path, string text, bool force)
    {
        var existed = File.Exists(path);
        if (existed && File.ReadAllText(path) == text)
        {
            return UnitWrite.Unchanged;
        }

        if (existed && !force)
        {
            return UnitWrite.RefusedDifferent;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temp, text);
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return existed ? UnitWrite.Replaced : UnitWrite.Written;
    }

    /// Removes the unit if it is one Aurora wrote (or when forced).
    public static UnitRemoval Remove(string path, bool force)
    {
        if (!File.Exists(path))
        {
            return UnitRemoval.Missing;
        }

        if (!force && !IsAurora(path))
        {
            return UnitRemoval.RefusedForeign;
        }

        File.Delete(path);
        return UnitRemoval.Removed;
    }

    private static bool IsAurora(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.StartsWith(SystemdUnit.Marker, StringComparison.Ordinal) == true;
    }
}
