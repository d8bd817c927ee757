using System.Globalization;
using Aurora.Core.Events;
using Aurora.Core.Processes;

namespace Aurora.IntegrationTests.Adoption;

/// Issue 17: a daemon killed with SIGKILL costs no service a restart; the next `up -d` takes them over.
public sealed class CrashAdoptionTests
{
    // Prints a number every 10 ms, and the latest one to a file (which the test reads while no daemon runs).
    private const string Printer = """
        printer:
            command: ["python3", "-u", "-c", "import time,itertools\nfor i in itertools.count():\n  print(i, flush=True)\n  open('progress.tmp','w').write(str(i)); __import__('os').replace('progress.tmp','progress')\n  time.sleep(0.01)"]
        """;

    [Fact(Timeout = 120000)]
    public async Task Kill_9_of_the_daemon_loses_no_line_and_restarts_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create($$"""
            services:
              {{Printer}}
              flaky:
                command: ["sh", "-c", "if [ -e flaked ]; then exec sleep 1000; else touch flaked; exit 1; fi"]
                restart: { backoff: { initial: 10ms } }
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted && e.Service == "flaky", 2, ct);
        var before = await project.StatusAsync(ct);
        Assert.Equal(1, before.Services.Single(s => s.Name == "flaky").Restarts);

        await project.KillDaemonAsync(ct);
        var atKill = Progress(project);

        // While no daemon runs, the printer goes on (no SIGPIPE, no full pipe): 100 more lines, held by the holder.
        await DetachedProject.Eventually(() => Progress(project) >= atKill + 100, ct);
        await project.UpAsync(ct);
        var adopted = await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceAdopted, 2, ct);
        Assert.Equal(["flaky", "printer"], adopted.Select(e => e.Service).Order());

        var after = await project.StatusAsync(ct);
        foreach (var service in before.Services)
        {
            var now = after.Services.Single(s => s.Name == service.Name);
            Assert.Equal(service.Pid, now.Pid);
            Assert.Equal(service.Restarts, now.Restarts);
        }

        var lastSeen = Progress(project);
        await DetachedProject.Eventually(() => Progress(project) >= lastSeen + 50, ct);
        Assert.Equal(0, (await project.Project.Cli(ct, "down")).ExitCode);

        var numbers = File.ReadLines(Path.Combine(project.Project.Paths.Logs, "printer.log"))
            .Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count > lastSeen, $"only {numbers.Count} lines logged");
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        Assert.Empty(project.Tagged());
        await DetachedProject.HoldersGoneAsync(project, ct);
    }

    [Fact(Timeout = 120000)]
    public async Task Exit_codes_after_adoption_and_while_no_daemon_ran_are_seen_as_they_were()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              later:
                command: ["sh", "-c", "while [ ! -e stop-later ]; do sleep 0.02; done; exit 3"]
                restart: { policy: on-failure }
                success_exit_codes: [0, 3]
              meanwhile:
                command: ["sh", "-c", "while [ ! -e stop-meanwhile ]; do sleep 0.02; done; exit 3"]
                restart: { policy: on-failure, backoff: { initial: 10ms } }
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 2, ct);
        var before = await project.StatusAsync(ct);
        var meanwhilePid = before.Services.Single(s => s.Name == "meanwhile").Pid!.Value;

        await project.KillDaemonAsync(ct);
        File.WriteAllText(Path.Combine(project.Project.Dir, "stop-meanwhile"), "");
        await DetachedProject.Eventually(() => ProcessTable.Read(meanwhilePid) is null, ct);
        await project.UpAsync(ct);

        // Died while no daemon ran: its status was kept by the holder, so on-failure restarts it and says why.
        var meanwhile = (await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceExited && e.Service == "meanwhile", 1, ct)).Single();
        Assert.Equal(3, meanwhile.Data.GetProperty("exit_code").GetInt32());
        await project.WaitForEventsAsync(meanwhile.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "meanwhile", 1, ct);

        // Exits after adoption: code 3 is in its success_exit_codes, so it is done, not restarted.
        var seq = await project.LastSeqAsync(ct);
        File.WriteAllText(Path.Combine(project.Project.Dir, "stop-later"), "");
        var later = (await project.WaitForEventsAsync(seq, e => e.Type == EventTypes.ServiceExited && e.Service == "later", 1, ct)).Single();
        Assert.Equal(3, later.Data.GetProperty("exit_code").GetInt32());
        Assert.Equal("exited", later.Data.GetProperty("service").GetProperty("state").GetString());
    }

    /// Issue 17's round test, 10 rounds here (bench/chaos's kill9-rounds runs 100): each round a kill -9 of the daemon
    /// and `up -d`; no duplicate, no orphan, no restart, and every line of the printer (one every 10 ms) once, in order.
    [Fact(Timeout = 300000)]
    public async Task Rounds_of_kill_9_and_up_leave_no_duplicate_no_orphan_no_restart_and_lose_no_line()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create($$"""
            services:
              a: { command: ["sleep", "1000"] }
              b: { command: ["sleep", "1001"] }
              {{Printer}}
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 3, ct);
        var first = await project.StatusAsync(ct);
        var holders = project.Holders();
        Assert.Single(holders);
        for (var round = 0; round < 10; round++)
        {
            var seq = await project.LastSeqAsync(ct);
            await project.KillDaemonAsync(ct);
            await project.UpAsync(ct);
            await project.WaitForEventsAsync(seq, e => e.Type == EventTypes.ServiceAdopted, 3, ct);
            var now = await project.StatusAsync(ct);
            Assert.All(first.Services, s => Assert.Equal(s.Pid, now.Services.Single(n => n.Name == s.Name).Pid));
            Assert.All(now.Services, s => Assert.Equal(0, s.Restarts));
            Assert.Equal(holders, project.Holders());

            // One process per service: no duplicate instance, and none that no service owns.
            Assert.Equal(now.Services.Select(s => s.Pid!.Value).Order(), project.Tagged().Select(p => p.Pid).Order());
        }

        var lastSeen = Progress(project);
        await DetachedProject.Eventually(() => Progress(project) >= lastSeen + 20, ct);
        Assert.Equal(0, (await project.Project.Cli(ct, "down")).ExitCode);
        Assert.Empty(project.Tagged());
        await DetachedProject.HoldersGoneAsync(project, ct);
        var numbers = File.ReadLines(Path.Combine(project.Project.Paths.Logs, "printer.log"))
            .Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count > lastSeen, $"only {numbers.Count} lines logged");
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
    }

    private static int Progress(DetachedProject project)
    {
        try
        {
            return int.Parse(File.ReadAllText(Path.Combine(project.Project.Dir, "progress")), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return -1;
        }
    }
}
