using System.Collections.Immutable;
using System.Text;

namespace Aurora.Core.Limits;

/// One line of /proc/self/mountinfo, the fields the cgroup layout needs: where it is mounted, the root of the
/// mounted tree (a container's cgroup namespace may mount a subtree), the file system type, the mount options
/// (`ro`) and the super options (a cgroup v1 hierarchy's controllers).
public sealed record MountInfo(string Root, string MountPoint, ImmutableArray<string> Options, string FsType, ImmutableArray<string> SuperOptions)
{
    public bool ReadOnly => Options.Contains("ro");

    /// Every line that parses, in order; malformed lines are skipped.
    public static ImmutableArray<MountInfo> Parse(string text)
    {
        var mounts = ImmutableArray.CreateBuilder<MountInfo>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // id parent major:minor root mount-point options [optional…] - fstype source super-options
            var fields = line.Split(' ');
            var dash = Array.IndexOf(fields, "-");
            if (dash < 6 || dash + 1 >= fields.Length)
            {
                continue;
            }

            var super = dash + 3 < fields.Length ? fields[dash + 3].Split(',') : [];
            mounts.Add(new MountInfo(Unescape(fields[3]), Unescape(fields[4]), [.. fields[5].Split(',')], fields[dash + 1], [.. super]));
        }

        return mounts.ToImmutable();
    }

    /// mountinfo writes space, tab, newline and backslash as \040, \011, \012, \134.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }

        var s = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && field.AsSpan(i + 1, 3).IndexOfAnyExceptInRange('0', '7') < 0)
            {
                s.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                s.Append(field[i]);
            }
        }

        return s.ToString();
    }
}
