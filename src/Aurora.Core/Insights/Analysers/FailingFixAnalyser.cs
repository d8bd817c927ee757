using System.Globalization;
using Aurora.Core.Events;

namespace Aurora.Core.Insights.Analysers;

/// A fix that never works: tried three times or more for a service and rolled back every time. A user fix
/// (`user:N:…`) has no key to switch it off (SPEC §3 gives a fix entry cause, run, touches and verify only), so
/// the proposal removes its entry from `fixes:` — the backup keeps the file as it was. A built-in fix is only
/// reported: the healer already tries the fix with the best record first.
public sealed class FailingFixAnalyser : IInsightAnalyser
{
    public const int MinimumAttempts = 3;

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            var outcomes = input.Events.Where(e => e.Type is EventTypes.FixVerified or EventTypes.FixRolledBack && input.BelongsTo(e.Service, service)
                    && !StartHistory.Flag(e.Data, "recovered"))
                .Select(e => (Fix: StartHistory.Text(e.Data, "fix"), Worked: e.Type == EventTypes.FixVerified))
                .Where(o => o.Fix is not null && !o.Fix.StartsWith("insight:", StringComparison.Ordinal))
                .GroupBy(o => o.Fix!);
            foreach (var fix in outcomes)
            {
                var tried = fix.Count();
                if (tried < MinimumAttempts || fix.Any(o => o.Worked))
                {
                    continue;
                }

                var name = service.DeclaredName;
                var evidence = $"{fix.Key} was tried {tried} times for {name} and rolled back every time";
                var index = UserIndex(fix.Key);
                if (index is { } i && i < service.Fixes.Length)
                {
                    // The record is of the entry now at that place only if its command is the same (entries move).
                    if (fix.Key != $"user:{i}:{Secrets.ScrubCommandLine(service.Fixes[i].Run, [])}")
                    {
                        continue;
                    }

                    var entry = service.Fixes[i];
                    yield return new Insight(Insight.IdOf(InsightKinds.FailingFix, name, i.ToString(CultureInfo.InvariantCulture)), name, InsightKinds.FailingFix,
                        $"{name}: the fix for {entry.Cause} ({string.Join(' ', entry.Run)}) never worked in {tried} tries; stop trying it: remove fixes[{i}]",
                        [evidence, "a fix entry has no key to disable it, so the change removes the entry (the backup keeps it)"],
                        new InsightProposal([.. new[] { "services", name, "fixes", i.ToString(CultureInfo.InvariantCulture) }], $"cause: {entry.Cause}, run: {string.Join(' ', entry.Run)}", null));
                }
                else if (index is null)
                {
                    yield return new Insight(Insight.IdOf(InsightKinds.FailingFix, name, fix.Key), name, InsightKinds.FailingFix,
                        $"{name}: the built-in fix {fix.Key} never worked in {tried} tries; the healer tries fixes with a better record first",
                        [evidence], null);
                }
            }
        }
    }

    /// N of a user fix's name `user:N:command`.
    private static int? UserIndex(string fix)
    {
        var parts = fix.Split(':', 3);
        return parts.Length >= 2 && parts[0] == "user" && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
