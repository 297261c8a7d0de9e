using System.Collections.Concurrent;
using System.Diagnostics;
using IessClave.Bench.Hosting;
using IessClave.Bench.Report;
using IessClave.Web.Features.Unlock.Queue;
using Npgsql;

namespace IessClave.Bench.Claims;

/// <summary>
/// P2, in this process against its own database with the app's services (no web server): claim latency against
/// the single-row UPDATE floor, one agent at a time and 20 at once; then 20 agents drain 10,000 tickets.
/// </summary>
public static class P2Runner
{
    private const int WarmUp = 30;
    private const int StatementClaims = 50;

    public static async Task<P2Result> RunAsync(BenchOptions options, Action<string> say)
    {
        var connectionString = await BenchDatabase.CreateAsync(options.Postgres, "iessclave_bench_p2");
        var outbox = Path.Combine(Path.GetTempPath(), "iessclave-bench-outbox", "p2");
        var settings = AppSettings.For(connectionString, new Uri("http://127.0.0.1:5080"), options.FrameInterval, outbox, runJobServer: false);
        await using var app = await AppServices.CreateAsync(options.WebDir, settings);
        await using var floor = NpgsqlDataSource.Create(connectionString);
        var paths = new ClaimPaths(app, floor);
        var concurrency = options.ConcurrentAgents;
        var samples = options.ClaimSamples;
        await paths.PrepareFloorAsync(concurrency);
        var agents = await paths.AvailableAgentsAsync(concurrency);

        say("P2: warming up");
        await QueueSeeder.SeedAsync(app, WarmUp * 2);
        await SeriesAsync("warm-up", 1, WarmUp, _ => paths.UpdateAsync(1));
        await SeriesAsync("warm-up", 1, WarmUp, _ => paths.TakeAsync(agents[0]));
        await SeriesAsync("warm-up", 1, WarmUp, _ => paths.ClaimStatementAsync());
        await SeriesAsync("warm-up", 1, WarmUp, _ => paths.UpdateThroughEfAsync(agents[0]));

        say($"P2: {samples} single-row UPDATE commits, 1 then {concurrency} at a time");
        var updateSingle = await SeriesAsync("UPDATE", 1, samples, _ => paths.UpdateAsync(1));
        var updateConcurrent = await SeriesAsync("UPDATE", concurrency, samples, w => paths.UpdateAsync(w + 1));

        say($"P2: {samples} claims (TakeNext), 1 then {concurrency} agents at a time");
        await QueueSeeder.SeedAsync(app, samples * 2);
        var claimSingle = await SeriesAsync("claim (TakeNext)", 1, samples, _ => paths.TakeAsync(agents[0]));
        var claimConcurrent = await SeriesAsync("claim (TakeNext)", concurrency, samples, w => paths.TakeAsync(agents[w]));

        say($"P2: {samples} bare claim statements, 1 then {concurrency} at a time");
        await QueueSeeder.SeedAsync(app, samples * 2);
        var statementSingle = await SeriesAsync("claim statement only", 1, samples, _ => paths.ClaimStatementAsync());
        var statementConcurrent = await SeriesAsync("claim statement only", concurrency, samples, _ => paths.ClaimStatementAsync());

        say($"P2: {samples} single-row UPDATE commits through EF, 1 then {concurrency} at a time");
        var efSingle = await SeriesAsync("UPDATE through EF", 1, samples, _ => paths.UpdateThroughEfAsync(agents[0]));
        var efConcurrent = await SeriesAsync("UPDATE through EF", concurrency, samples, w => paths.UpdateThroughEfAsync(agents[w]));

        say($"P2: statements per claim ({StatementClaims} agents take one caller each)");
        await QueueSeeder.SeedAsync(app, StatementClaims);
        var statements = await StatementCount.PerClaimAsync(floor, paths, await paths.AvailableAgentsAsync(StatementClaims));

        say($"P2: {concurrency} agents drain {options.DrainTickets} tickets");
        var drain = await DrainAsync(app, paths, agents, options.DrainTickets);
        return new P2Result(updateSingle, updateConcurrent, claimSingle, claimConcurrent, statementSingle, statementConcurrent, efSingle, efConcurrent, statements, drain);
    }

    /// <summary><paramref name="samples"/> timed operations spread over <paramref name="workers"/> parallel workers.</summary>
    private static async Task<LatencySeries> SeriesAsync(string name, int workers, int samples, Func<int, Task<TimeSpan>> operation)
    {
        var timings = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < samples; i += workers)
            {
                timings.Add((await operation(w)).TotalMilliseconds);
            }
        })));
        var all = timings.ToList();
        return new LatencySeries(name, workers, all.Count, Percentiles.Of(all, 0.50), Percentiles.Of(all, 0.99), all.Average(), all.Count / watch.Elapsed.TotalSeconds);
    }

    private static async Task<DrainResult> DrainAsync(AppServices app, ClaimPaths paths, List<Guid> agents, int tickets)
    {
        await DrainCheck.EndLeftoversAsync(app);
        var seeded = await QueueSeeder.SeedAsync(app, tickets);
        var claimed = new ConcurrentBag<long>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
        {
            var failuresInARow = 0;
            while (failuresInARow < 20)
            {
                try
                {
                    var (_, outcome, ticket) = await paths.TakeAndFinishAsync(agent);
                    if (outcome == TakeOutcome.QueueEmpty)
                    {
                        return;
                    }

                    if (ticket is { } id)
                    {
                        claimed.Add(id);
                        failuresInARow = 0;
                    }
                    else
                    {
                        throw new InvalidOperationException($"TakeNext answered {outcome}.");
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException or Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    Interlocked.Increment(ref errors);
                    failuresInARow++;
                    await Task.Delay(50);
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        return await DrainCheck.VerifyAsync(app, seeded, [.. claimed], errors, agents.Count, seconds);
    }
}
