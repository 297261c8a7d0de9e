namespace IessClave.Bench.Load;

/// <summary>One server (app or bare host) at one N: memory per connection and the CPU window.</summary>
public sealed record ServerRun(
    string Server,
    int N,
    int Connected,
    int Failed,
    double ConnectSeconds,
    MemoryDelta Memory,
    double IdleCpuMillisPerSecond,
    WindowSample Window,
    long Deliveries,
    double ExpectedDeliveries)
{
    public double CpuMicrosPerDelivery => Deliveries == 0 ? double.NaN : Window.ServerCpuSeconds * 1e6 / Deliveries;

    public double FrameRatio => Deliveries / ExpectedDeliveries;
}

/// <summary>Memory in kB after an induced GC, before and after the N clients connected.</summary>
public sealed record MemoryDelta(long AnonBeforeKb, long AnonAfterKb, long RssBeforeKb, long RssAfterKb, int N)
{
    public double AnonPerConnectionKb => (AnonAfterKb - AnonBeforeKb) / (double)N;

    public double RssPerConnectionKb => (RssAfterKb - RssBeforeKb) / (double)N;
}

/// <summary>
/// The measured window: [Start, End) in UTC ticks, CPU seconds used in it by the server, the harness itself and
/// the PostgreSQL cluster, and how busy the whole machine was (both cores = 100 %).
/// </summary>
public sealed record WindowSample(long StartTicks, long EndTicks, double ServerCpuSeconds, double HarnessCpuSeconds, double? PostgresCpuSeconds, double MachineBusyPercent)
{
    public double Seconds => TimeSpan.FromTicks(EndTicks - StartTicks).TotalSeconds;
}

/// <summary>What only the app phase measures: staleness, exact positions, the agents' side.</summary>
public sealed record AppChecks(
    double StalenessP50Ms,
    double StalenessP99Ms,
    double StalenessMaxMs,
    long StalenessSamples,
    int PositionsChecked,
    int PositionMismatches,
    int StatusMismatches,
    int Resyncs,
    double MeanEventsPerFrame,
    int Claims,
    int ClaimErrors,
    double ClaimsPerSecond,
    double TakeP50Ms,
    double TakeP99Ms)
{
    /// <summary>CPU ms/s with nobody connected and nothing happening: the app's fixed cost (pollers, timers).</summary>
    public double IdleAloneCpuMillisPerSecond { get; init; } = double.NaN;

    /// <summary>CPU ms/s with the same claims and nobody connected (fixed cost + claim work, no fan-out).</summary>
    public double ClaimsOnlyCpuMillisPerSecond { get; init; } = double.NaN;

    /// <summary>CPU ms/s the claims themselves cost (take, finish, their jobs and mail).</summary>
    public double ClaimWorkCpuMillisPerSecond => ClaimsOnlyCpuMillisPerSecond - IdleAloneCpuMillisPerSecond;
}

public sealed record P1Result(int N, ServerRun Bare, ServerRun App, AppChecks Checks)
{
    public double CpuRatio => App.CpuMicrosPerDelivery / Bare.CpuMicrosPerDelivery;

    public double MemoryRatio => App.Memory.AnonPerConnectionKb / Bare.Memory.AnonPerConnectionKb;

    /// <summary>CPU ms/s of the app's window left for the fan-out: the window less idle-with-N-connected and the claim work.</summary>
    public double AppFanOutCpuMillisPerSecond => App.Window.ServerCpuSeconds * 1000 / App.Window.Seconds - App.IdleCpuMillisPerSecond - Checks.ClaimWorkCpuMillisPerSecond;

    /// <summary>The same for the bare host: its window less its idle-with-N-connected.</summary>
    public double BareFanOutCpuMillisPerSecond => Bare.Window.ServerCpuSeconds * 1000 / Bare.Window.Seconds - Bare.IdleCpuMillisPerSecond;

    /// <summary>How the fan-out alone compares per delivery (no goal; explains the misses).</summary>
    public double FanOutOnlyRatio =>
        AppFanOutCpuMillisPerSecond / (App.Deliveries / App.Window.Seconds) / (BareFanOutCpuMillisPerSecond / (Bare.Deliveries / Bare.Window.Seconds));
}
