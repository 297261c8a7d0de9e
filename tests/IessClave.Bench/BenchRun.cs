using System.Text.Json;
using IessClave.Bench.Claims;
using IessClave.Bench.Load;
using IessClave.Bench.Report;

namespace IessClave.Bench;

/// <summary>`bench run`: P1 and P1b for each N (bare host, then the app), then P2; writes results/latest.md.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Directory.CreateDirectory(options.ResultsDir);
        var context = await RunContext.CaptureAsync(options.Postgres);
        Say($"IessClave benchmark on {context.Machine}; load {context.LoadAtStart}");
        var p1 = new List<P1Result>();
        var loads = new Dictionary<int, string>();
        P2Result? p2 = null;
        if (options.RunP1)
        {
            foreach (var n in options.Connections)
            {
                loads[n] = RunContext.LoadAverage();
                var bare = await BarePhase.RunAsync(options, n, Say);
                Say($"bare host, N={n}: {bare.CpuMicrosPerDelivery:F1} µs CPU per delivery, {bare.Memory.AnonPerConnectionKb:F1} kB per connection");
                var (app, checks) = await AppPhase.RunAsync(options, n, Say);
                var result = new P1Result(n, bare, app, checks);
                p1.Add(result);
                Say($"app, N={n}: {app.CpuMicrosPerDelivery:F1} µs CPU per delivery ({result.CpuRatio:F2}×), frames {app.FrameRatio:F3}, "
                    + $"p99 staleness {checks.StalenessP99Ms:F0} ms, {app.Memory.AnonPerConnectionKb:F1} kB per connection ({result.MemoryRatio:F2}×), "
                    + $"{checks.PositionMismatches + checks.StatusMismatches} wrong positions");
                await WriteAsync(options, context, p1, loads, p2);
            }
        }

        if (options.RunP2)
        {
            p2 = await P2Runner.RunAsync(options, Say);
            Say($"P2: claim p50 {p2.ClaimSingle.P50Ms:F2} ms vs UPDATE {p2.UpdateSingle.P50Ms:F2} ms; drain: {p2.Drain.DoubleClaims} double, {p2.Drain.LostTickets} lost");
        }

        var markdown = await WriteAsync(options, context, p1, loads, p2);
        Console.WriteLine();
        Console.WriteLine(markdown);
        return 0;
    }

    private static async Task<string> WriteAsync(BenchOptions options, RunContext context, List<P1Result> p1, Dictionary<int, string> loads, P2Result? p2)
    {
        var markdown = ResultsWriter.Markdown(options, context, p1, loads, p2, RunContext.LoadAverage());
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDir, "latest.md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDir, "latest.json"),
            JsonSerializer.Serialize(new { context, options = options with { Postgres = "(private cluster)" }, p1, loads, p2 }, JsonOptions));
        return markdown;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
