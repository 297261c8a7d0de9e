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
    /// <summary>CPU ms/s with the same claims and nobody connected (fixed cost + claim work, no fan-out).</summary>
    public double ClaimsOnlyCpuMillisPerSecond { get; init; } = double.NaN;
}

public sealed record P1Result(int N, ServerRun Bare, ServerRun App, AppChecks Checks)
{
    public double CpuRatio => App.CpuMicrosPerDelivery / Bare.CpuMicrosPerDelivery;

    public double MemoryRatio => App.Memory.AnonPerConnectionKb / Bare.Memory.AnonPerConnectionKb;

    /// <summary>
    /// The app's CPU per delivery once the claims-only CPU (fixed cost + claim work) is taken out, against the bare
    /// host's once its idle CPU is taken out: how the fan-out alone compares (no goal; explains the misses).
    /// </summary>
    public double FanOutOnlyRatio =>
        (App.Window.ServerCpuSeconds - Checks.ClaimsOnlyCpuMillisPerSecond / 1000 * App.Window.Seconds) / App.Deliveries
        / ((Bare.Window.ServerCpuSeconds - Bare.IdleCpuMillisPerSecond / 1000 * Bare.Window.Seconds) / Bare.Deliveries);
}
