using IessClave.Bench.Bare;
using IessClave.Bench.Hosting;

namespace IessClave.Bench.Load;

/// <summary>P1's floor at one N: the bare hub host, N clients, frames of D·T departures every T.</summary>
public static class BarePhase
{
    private const int WarmUpClients = 50;

    /// <summary>How long the server's CPU is read with everyone connected and nothing happening.</summary>
    private static readonly TimeSpan IdleSpan = TimeSpan.FromSeconds(10);

    public static async Task<ServerRun> RunAsync(BenchOptions options, int n, Action<string> say)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{options.BarePort}");
        var hubUrl = new Uri(baseUrl, BareHubServer.HubPath);
        var benchDll = typeof(BarePhase).Assembly.Location;
        await using var server = await ServerProcess.StartAsync(
            $"bare-{n}", AppContext.BaseDirectory, [benchDll, BareHubServer.Verb, $"--urls={baseUrl}"],
            new Uri(baseUrl, "/ready"), Path.Combine(options.ResultsDir, "logs"), TimeSpan.FromSeconds(60));
        var anonymous = Enumerable.Range(0, n).Select(i => ((long)i, (string?)null)).ToList();

        using var http = new HttpClient { BaseAddress = baseUrl };
        await using (await ClientSwarm.ConnectAsync(hubUrl, anonymous[..Math.Min(WarmUpClients, n)], false, options.ConnectConcurrency, say))
        {
            // Warm-up, like the app's: the send path runs JIT-compiled (tier 1) before anything is measured.
            (await http.PostAsync("/frames/start?events=2&intervalMs=20", null)).EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(3));
            (await http.PostAsync("/frames/stop", null)).EnsureSuccessStatusCode();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await Measure.AfterGcAsync(server.Pid);
        say($"bare host, N={n}: connecting");
        await using var swarm = await ClientSwarm.ConnectAsync(hubUrl, anonymous, false, options.ConnectConcurrency, say);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = await Measure.IdleCpuMillisPerSecondAsync(server.Pid, IdleSpan);
        var after = await Measure.AfterGcAsync(server.Pid);

        var eventsPerFrame = Math.Max(1, (int)Math.Round(options.Rate * options.FrameInterval.TotalSeconds));
        (await http.PostAsync($"/frames/start?events={eventsPerFrame}&intervalMs={(int)options.FrameInterval.TotalMilliseconds}", null)).EnsureSuccessStatusCode();
        say($"bare host, N={n}: frames of {eventsPerFrame} events every {options.FrameInterval.TotalMilliseconds} ms; measuring {options.Window.TotalSeconds} s");
        var window = await Measure.WindowAsync(server.Pid, swarm, options, postgresPid: null);
        (await http.PostAsync("/frames/stop", null)).EnsureSuccessStatusCode();

        return new ServerRun("bare", n, n - swarm.Failed, swarm.Failed, swarm.ConnectTime.TotalSeconds,
            new MemoryDelta(before.AnonKb, after.AnonKb, before.RssKb, after.RssKb, n), idle,
            window, Measure.Deliveries(swarm, window), n * options.ExpectedFramesPerSecond * window.Seconds);
    }
}
