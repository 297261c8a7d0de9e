using System.Diagnostics;
using IessClave.Bench.Hosting;

namespace IessClave.Bench.Load;

/// <summary>The measurements both P1 phases take the same way, so app and bare host are compared like for like.</summary>
public static class Measure
{
    /// <summary>
    /// Memory of a server after two full GCs it was made to run, two seconds apart (the second lets the GC give back
    /// the regions the first one emptied, so what a connect storm left behind is not counted per connection).
    /// </summary>
    public static async Task<MemorySample> AfterGcAsync(int pid)
    {
        await GcTrigger.CollectAsync(pid);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await GcTrigger.CollectAsync(pid);
        await Task.Delay(TimeSpan.FromSeconds(1));
        return ProcStats.Memory(pid);
    }

    /// <summary>
    /// Waits for the first frame, then measures W starting half an interval after a frame, so the window's edges
    /// fall between frames and a frame is either wholly in or wholly out.
    /// </summary>
    public static async Task<WindowSample> WindowAsync(int serverPid, ClientSwarm swarm, BenchOptions options, int? postgresPid)
    {
        var first = await swarm.FirstFrame.WaitAsync(TimeSpan.FromSeconds(60));
        var start = first + options.FrameInterval * 1.5;
        await DelayUntilAsync(start);
        var harness = Process.GetCurrentProcess();
        var server0 = ProcStats.CpuSeconds(serverPid);
        harness.Refresh();
        var harness0 = harness.TotalProcessorTime.TotalSeconds;
        var pg0 = postgresPid is { } p0 ? ProcStats.TreeCpuSeconds(p0) : (double?)null;
        var machine0 = ProcStats.MachineTicks();
        var startTicks = DateTime.UtcNow.Ticks;

        await DelayUntilAsync(new DateTime(startTicks, DateTimeKind.Utc) + options.Window);
        var server1 = ProcStats.CpuSeconds(serverPid);
        harness.Refresh();
        var harness1 = harness.TotalProcessorTime.TotalSeconds;
        var pg1 = postgresPid is { } p1 ? ProcStats.TreeCpuSeconds(p1) : (double?)null;
        var machine1 = ProcStats.MachineTicks();
        var endTicks = DateTime.UtcNow.Ticks;
        var busy = 100.0 * (machine1.Busy - machine0.Busy) / Math.Max(1, machine1.Total - machine0.Total);
        return new WindowSample(startTicks, endTicks, server1 - server0, harness1 - harness0, pg1 - pg0, busy);
    }

    /// <summary>CPU milliseconds per second a server uses with the clients connected and nothing to send: its fixed cost.</summary>
    public static async Task<double> IdleCpuMillisPerSecondAsync(int pid, TimeSpan span)
    {
        var before = ProcStats.CpuSeconds(pid);
        await Task.Delay(span);
        return (ProcStats.CpuSeconds(pid) - before) * 1000 / span.TotalSeconds;
    }

    /// <summary>Frames that reached a client inside the window, over all clients.</summary>
    public static long Deliveries(ClientSwarm swarm, WindowSample window) =>
        swarm.Clients.Sum(c => (long)c.Frames.Count(f => f.ReceivedUtcTicks >= window.StartTicks && f.ReceivedUtcTicks < window.EndTicks));

    public static async Task DelayUntilAsync(DateTime utc)
    {
        var wait = utc - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
