using System.Collections.Immutable;
using System.Reflection;

namespace Aurora.Daemon.Entry;

/// Aurora's executables find each other beside themselves: `aurora` starts `aurora-daemon`, the daemon starts
/// `aurora-holder`, each the same way this binary runs (native, or through the dotnet host of a JIT build).
public static class Executables
{
    /// How to run this binary again: its path, or `dotnet NAME.dll` for a build run through the dotnet host.
    public static ImmutableArray<string> Self()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the aurora executable");
        return Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? [self, Path.Combine(AppContext.BaseDirectory, Assembly.GetEntryAssembly()!.GetName().Name + ".dll")]
            : [self];
    }

    /// How to run the executable `name` from `directory` (where `self` lives), as `self` runs (`[host, name.dll]`
    /// through a dotnet host, else `[directory/name]`); null when it was not built there.
    public static ImmutableArray<string>? Beside(ImmutableArray<string> self, string directory, string name)
    {
        if (self is [var host, _])
        {
            var dll = Path.Combine(directory, name + ".dll");
            return File.Exists(dll) ? [host, dll] : null;
        }

        var native = Path.Combine(directory, name);
        return File.Exists(native) ? [native] : null;
    }
}
