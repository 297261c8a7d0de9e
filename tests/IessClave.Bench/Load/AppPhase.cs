using IessClave.Bench.Hosting;
using IessClave.Bench.Report;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Bench.Load;

/// <summary>
/// P1 against the real app at one N: a fresh database with N waiting tickets, the app as its own process, agents
/// signed in through the pages, N affiliates on /hubs/cola with their ticket cookies; then agents take callers
/// at D per second while the window is measured; then positions and staleness are checked against the database.
/// </summary>
public static class AppPhase
{
    private const int WarmUpClients = 50;

    private static readonly TimeSpan ClaimsOnlySpan = TimeSpan.FromSeconds(20);

    /// <summary>Priority-lane tickets for the claims-only span (taken before the swarm's own).</summary>
    private static int ClaimsOnlyTickets(BenchOptions o) => (int)Math.Ceiling(o.Rate * (2 * ClaimsOnlySpan.TotalSeconds + 10));

    /// <summary>How long the server's CPU is read with everyone connected and nothing happening.</summary>
    private static readonly TimeSpan IdleSpan = TimeSpan.FromSeconds(10);

    /// <summary>Claims before anything is measured, so the measured code runs JIT-compiled (tier 1) as in a long-running server.</summary>
    private const int WarmUpClaims = 120;

    public static async Task<(ServerRun Run, AppChecks Checks)> RunAsync(BenchOptions options, int n, Action<string> say)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{options.AppPort}");
        var connectionString = await BenchDatabase.CreateAsync(options.Postgres, $"iessclave_bench_p1_{n}");
        var outbox = Path.Combine(Path.GetTempPath(), "iessclave-bench-outbox", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var settings = AppSettings.For(connectionString, baseUrl, options.FrameInterval, outbox, runJobServer: true);
        await using var app = await AppServices.CreateAsync(options.WebDir, settings);
        say($"app, N={n}: seeding {n} waiting tickets (+{WarmUpClaims} in the priority lane for the warm-up, taken first)");
        var warmUpTickets = await QueueSeeder.SeedAsync(app, WarmUpClaims + ClaimsOnlyTickets(options), priorityEvery: 1);
        var tickets = await QueueSeeder.SeedAsync(app, n);
        var cookies = new TicketCookies(app);
        var who = tickets.Select(t => (t.TicketId, (string?)cookies.HeaderFor(t))).ToList();
        var warmUpWho = warmUpTickets.Take(WarmUpClients).Select(t => (t.TicketId, (string?)cookies.HeaderFor(t))).ToList();

        await using var server = await ServerProcess.StartAsync(
            $"app-{n}", options.WebDir,
            ["IessClave.Web.dll", $"--urls={baseUrl}", "--environment=Production", .. settings.AsArguments()],
            new Uri(baseUrl, "/agentes/ingresar"), Path.Combine(options.ResultsDir, "logs"), TimeSpan.FromSeconds(120));
        var agents = new List<BenchAgent>();
        for (var a = 0; a < options.Agents; a++)
        {
            agents.Add(await BenchAgent.SignInAsync(app, baseUrl, $"carga.{n}.{a}"));
        }

        var hubUrl = new Uri(baseUrl, QueueFeature.AffiliateHubPath);
        say($"app, N={n}: warming up ({WarmUpClaims} claims, {WarmUpClients} clients)");
        await using (await ClientSwarm.ConnectAsync(hubUrl, warmUpWho, true, options.ConnectConcurrency, say))
        {
            await DequeueLoad.RunAsync(agents, perSecond: 1000, CancellationToken.None, maxClaims: WarmUpClaims);
            await Task.Delay(options.FrameInterval * 2);
        }

        await MailBacklogDrainedAsync(app);
        await Task.Delay(TimeSpan.FromSeconds(5));
        say($"app, N={n}: the same claims with nobody connected ({2 * ClaimsOnlySpan.TotalSeconds} s, the second half measured), then idle, to tell the claim work from the fan-out");
        var claimsOnly = await ClaimsOnlyCpuAsync(server.Pid, agents, options.Rate);
        await Task.Delay(options.FrameInterval * 2);
        var idleAlone = await Measure.IdleCpuMillisPerSecondAsync(server.Pid, IdleSpan);
        var before = await Measure.AfterGcAsync(server.Pid);
        say($"app, N={n}: connecting");
        await using var swarm = await ClientSwarm.ConnectAsync(hubUrl, who, true, options.ConnectConcurrency, say);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = await Measure.IdleCpuMillisPerSecondAsync(server.Pid, IdleSpan);
        var after = await Measure.AfterGcAsync(server.Pid);

        say($"app, N={n}: {options.Agents} agents take {options.Rate}/s; measuring {options.Window.TotalSeconds} s");
        swarm.ResetFirstFrame();
        using var stop = new CancellationTokenSource();
        var load = DequeueLoad.RunAsync(agents, options.Rate, stop.Token);
        var postgresPid = await BenchDatabase.PostmasterPidAsync(connectionString);
        var window = await Measure.WindowAsync(server.Pid, swarm, options, postgresPid);
        await stop.CancelAsync();
        var dequeued = await load;
        await Task.Delay(options.FrameInterval * 2.5);

        var checks = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IessClaveDbContext>();
            var (checkedCount, positions, statuses) = await PositionCheck.RunAsync(db, swarm);
            var (staleness, eventsPerFrame) = await StalenessCheck.RunAsync(db, swarm, window);
            return new AppChecks(
                staleness.Percentile(0.50), staleness.Percentile(0.99), staleness.Max, staleness.Count,
                checkedCount, positions, statuses, swarm.Clients.Sum(c => c.Resyncs), eventsPerFrame,
                dequeued.Claims, dequeued.Errors, dequeued.AchievedPerSecond,
                Percentiles.Of(dequeued.TakeMillis, 0.50), Percentiles.Of(dequeued.TakeMillis, 0.99));
        });
        var run = new ServerRun("app", n, n - swarm.Failed, swarm.Failed, swarm.ConnectTime.TotalSeconds,
            new MemoryDelta(before.AnonKb, after.AnonKb, before.RssKb, after.RssKb, n), idle,
            window, Measure.Deliveries(swarm, window), n * options.ExpectedFramesPerSecond * window.Seconds);
        foreach (var agent in agents)
        {
            await agent.DisposeAsync();
        }

        return (run, checks with { IdleAloneCpuMillisPerSecond = idleAlone, ClaimsOnlyCpuMillisPerSecond = claimsOnly });
    }

    /// <summary>Every claim queues a mail (the call link); the warm-up's must be sent before anything is measured.</summary>
    private static async Task MailBacklogDrainedAsync(AppServices app)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline
            && await app.InScopeAsync(sp => sp.GetRequiredService<IessClaveDbContext>().OutgoingMails.AnyAsync(m => m.SentAt == null)))
        {
            await Task.Delay(500);
        }
    }

    /// <summary>CPU ms per second the app spends taking callers at D per second while no affiliate is connected.</summary>
    private static async Task<double> ClaimsOnlyCpuAsync(int pid, IReadOnlyList<BenchAgent> agents, double rate)
    {
        using var stop = new CancellationTokenSource();
        var load = DequeueLoad.RunAsync(agents, rate, stop.Token);
        // Not measured: right after the warm-up burst the app still settles (tier-1 JIT, the burst's jobs) for a while.
        await Task.Delay(ClaimsOnlySpan);
        var cpu = await Measure.IdleCpuMillisPerSecondAsync(pid, ClaimsOnlySpan);
        await stop.CancelAsync();
        await load;
        return cpu;
    }
}
