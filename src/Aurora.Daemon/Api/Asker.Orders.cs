using Aurora.Contracts.V1;
using Aurora.Core.Ask;

namespace Aurora.Daemon.Api;

/// The state-changing intents, run once confirmed: start, stop, restart (a list, or all), heal, reload and
/// restart yourself. Every event they cause says source "ask".
internal sealed partial class Asker
{
    private async Task<AskResultDto> ActAsync(Intent intent)
    {
        var order = services.Names;
        var named = intent.All ? order : [.. order.Where(intent.Services.Contains)];
        var steps = intent.Kind switch
        {
            // A restart of everything is a stop in reverse dependency order, then a start in order: restarting each
            // in turn would restart a dependent once for itself and again for each of its dependencies.
            IntentKind.Restart when intent.All =>
                [.. named.Reverse().Select(n => (n, ServiceAction.Stop)), .. named.Select(n => (n, ServiceAction.Start))],
            IntentKind.Stop => named.Reverse().Select(n => (n, ServiceAction.Stop)).ToList(),
            IntentKind.Start => named.Select(n => (n, ServiceAction.Start)).ToList(),
            _ => named.Select(n => (n, ServiceAction.Restart)).ToList(),
        };

        var after = new Dictionary<string, ServiceDto>();
        foreach (var (name, action) in steps)
        {
            foreach (var snapshot in await control.ActAsync(name, action, Source))
            {
                after[name] = DtoMapper.ToDto(snapshot, time.GetUtcNow(), null);
            }
        }

        var missing = intent.Services.Where(s => !order.Contains(s)).ToList();
        var verb = intent.Kind switch { IntentKind.Stop => "stopped", IntentKind.Start => "started", _ => "restarted" };
        var lines = named.Where(after.ContainsKey).Select(n => $"{verb} {n}: {after[n].State}" + (after[n].Pid is { } pid ? $" (pid {pid})" : ""))
            .Concat(missing.Select(m => $"no service named {m} (any more)"));
        return new AskResultDto(missing.Count == 0, string.Join('\n', lines), Services: [.. named.Where(after.ContainsKey).Select(n => after[n])]);
    }

    private async Task<AskResultDto> HealAsync(string name, CancellationToken ct)
    {
        if (await control.HealAsync(name, Source, ct) is not { } outcome)
        {
            return new AskResultDto(false, $"no service named {name} (any more)");
        }

        var heal = new HealDto(outcome.Service, outcome.Cause, outcome.Summary, outcome.IncidentId, outcome.Healed,
            [.. outcome.Fixes.Select(f => new HealFixDto(f.Fix, f.Outcome, f.Detail))]);
        var lines = new List<string> { $"{heal.Service}: {heal.Cause}{(heal.Incident is { } id ? $" ({id})" : "")}: {heal.Summary}" };
        lines.AddRange(heal.Fixes.Count == 0 ? ["no fix applies to this cause"] : heal.Fixes.Select(f => $"{f.Outcome} {f.Fix}: {f.Detail}"));
        return new AskResultDto(heal.Healed || heal.Fixes.Count == 0, string.Join('\n', lines), Heal: heal);
    }

    private async Task<AskResultDto> ReloadAsync(CancellationToken ct)
    {
        var outcome = await reloader.ReloadAsync(false, ct);
        if (outcome.Plan is not { } plan)
        {
            return new AskResultDto(false, string.Join('\n',
                [$"{string.Join(", ", reloader.ConfigFiles.Select(Path.GetFileName))} has {outcome.Errors.Length} problem(s); nothing was changed", .. outcome.Errors]));
        }

        var dto = new ReloadDto(outcome.Applied, plan.Added, plan.Removed,
            [.. plan.Restarted.Select(c => new ServiceChangeDto(c.Service, c.Fields))], [.. plan.Updated.Select(c => new ServiceChangeDto(c.Service, c.Fields))],
            plan.Unchanged, plan.NeedsDaemonRestart, plan.Settings);
        var changes = new[] { ("added", dto.Added), ("removed", dto.Removed), ("restarted", dto.Restarted.Select(c => c.Service).ToList()),
            ("updated in place", dto.Updated.Select(c => c.Service).ToList()) }.Where(c => c.Item2.Count > 0).Select(c => $"{c.Item1}: {string.Join(", ", c.Item2)}").ToList();
        return new AskResultDto(true, changes.Count == 0 ? "reloaded: nothing changed" : "reloaded; " + string.Join("; ", changes), Reload: dto);
    }

    /// Restarting the daemon is answered here and done once this answer has been written whole (AfterAnswer): the
    /// daemon re-executes itself, so an answer still in flight then would be cut off (issue 23).
    private AskResultDto DaemonRestart() => replaceDaemon is null
        ? new AskResultDto(false, "the daemon could not restart itself: this daemon runs without a holder, so its services would stop with it; " +
            "`aurora down` then `aurora up -d` restarts it with them")
        : new AskResultDto(true, "the daemon is being replaced; services keep running");

    /// What runs after the answer has been sent: the daemon's replacement, for a confirmed "restart yourself".
    public Action? AfterAnswer(AskDto answer) =>
        answer.Intent == IntentKind.DaemonRestart.WireName() && answer.Result?.Ok == true ? replaceDaemon : null;
}
