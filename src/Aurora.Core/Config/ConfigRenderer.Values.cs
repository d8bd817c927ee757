using System.Text;
using System.Text.RegularExpressions;

namespace Aurora.Core.Config;

/// Scalars and the settings outside services.
public static partial class ConfigRenderer
{
    private static void Settings(StringBuilder y, AuroraConfig c, IReadOnlyList<string> secrets)
    {
        y.Append("healing: ").Append(Flow([("enabled", c.Healing.Enabled ? "true" : "false"), ("verify_timeout", D(c.Healing.VerifyTimeout)),
            ("backups", Flow([("keep", N(c.Healing.Backups.Keep)), ("max_age", D(c.Healing.Backups.MaxAge))]))])).Append('\n');
        y.Append("monitor: ").Append(Flow([("sample_interval", c.Monitor.SampleInterval is { } every ? D(every) : "off"),
            ("predict_horizon", D(c.Monitor.PredictHorizon)), ("history", D(c.Monitor.History))])).Append('\n');
        var maintenance = new List<(string, string)>();
        if (!c.Maintenance.Temp.IsEmpty)
        {
            maintenance.Add(("temp", "[" + string.Join(", ", c.Maintenance.Temp.Select(t => Flow([("path", Q(t.Path)), ("older_than", D(t.OlderThan))]))) + "]"));
        }

        if (c.Maintenance.Disk is { } disk)
        {
            maintenance.Add(("disk", Flow([("path", Q(disk.Path)), ("min_free", Parsing.SizeParser.Format(disk.MinFreeBytes))])));
        }

        if (maintenance.Count > 0)
        {
            y.Append("maintenance: ").Append(Flow(maintenance)).Append('\n');
        }

        if (c.Dashboard is { } d)
        {
            y.Append("dashboard: ").Append(Flow([("listen", Q(Diagnosis.Endpoints.Format(d.Host, d.Port))), ("allow_remote", d.AllowRemote ? "true" : "false"),
                ("hosts", "[" + string.Join(", ", d.Hosts.Select(Q)) + "]")])).Append('\n');
        }

        if (c.Metrics.Public)
        {
            y.Append("metrics: ").Append(Flow([("public", "true")])).Append('\n');
        }

        if (!c.Notify.IsEmpty)
        {
            y.Append("notify:\n");
            foreach (var n in c.Notify)
            {
                y.Append("  - ").Append(Flow([("webhook", Q(Secrets.Scrub(n.Webhook, secrets))), ("events", "[" + string.Join(", ", n.Events) + "]")])).Append('\n');
            }
        }

        y.Append("store: ").Append(Flow([("max_events", N(c.Store.MaxEvents)), ("max_age", D(c.Store.MaxAge))])).Append('\n');
        if (c.Doctor.AdvisoriesDirectory is { } advisories)
        {
            y.Append("doctor: ").Append(Flow([("advisories", Q(advisories))])).Append('\n');
        }
    }

    /// argv as a flow list, each word shown as Secrets.ScrubCommandLine would show it: a secret flag's value
    /// (`--password X`, `--api-key=X`) masked, and so is every secret value.
    private static string Argv(IReadOnlyList<string> argv, IReadOnlyList<string> secrets)
    {
        var shown = new List<string>(argv.Count);
        for (var i = 0; i < argv.Count; i++)
        {
            var alone = Secrets.ScrubCommandLine([argv[i]], secrets);
            var afterFlag = i > 0 && Secrets.ScrubCommandLine([argv[i - 1], argv[i]], secrets).EndsWith(" " + Secrets.Mask, StringComparison.Ordinal)
                && !Secrets.ScrubCommandLine([argv[i - 1]], secrets).Contains(Secrets.Mask, StringComparison.Ordinal) && alone != Secrets.Mask;
            shown.Add(Q(afterFlag ? Secrets.Mask : alone));
        }

        return "[" + string.Join(", ", shown) + "]";
    }

    /// A double-quoted YAML scalar.
    private static string Q(string s)
    {
        var q = new StringBuilder("\"");
        foreach (var ch in s)
        {
            q.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' => $"\\x{(int)ch:x2}",
                _ => ch.ToString(),
            });
        }

        return q.Append('"').ToString();
    }

    private static bool IsPlain(string key) => PlainKey().IsMatch(key);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainKey();
}
