using System.Globalization;

namespace IessClave.Bench;

/// <summary>Options of `bench run`, as `--name=value`. run.sh passes the PostgreSQL and path ones.</summary>
public sealed record BenchOptions
{
    /// <summary>Admin connection string of the private cluster (a database per phase is created on it).</summary>
    public required string Postgres { get; init; }

    /// <summary>The app's build output folder (IessClave.Web.dll, appsettings.json, templates/).</summary>
    public required string WebDir { get; init; }

    /// <summary>Where results/latest.md, the raw JSON and the server logs go.</summary>
    public required string ResultsDir { get; init; }

    public IReadOnlyList<int> Connections { get; init; } = [1_000, 5_000, 10_000];

    /// <summary>D: claims per second, spread over <see cref="Agents"/> signed-in agents.</summary>
    public double Rate { get; init; } = 2;

    public int Agents { get; init; } = 4;

    /// <summary>T: the app's Queue:FrameInterval (and the bare host's).</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>W: the measured window of each P1 phase.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Below Linux's ephemeral range (32768–60999), so no client socket of the swarm can hold the port.</summary>
    public int AppPort { get; init; } = 18461;

    public int BarePort { get; init; } = 18462;

    /// <summary>HubConnection starts in flight at once while the swarm connects.</summary>
    public int ConnectConcurrency { get; init; } = 64;

    public bool RunP1 { get; init; } = true;

    public bool RunP2 { get; init; } = true;

    /// <summary>Timed claims per P2 series (1 agent; and in total across the 20 concurrent agents).</summary>
    public int ClaimSamples { get; init; } = 400;

    public int ConcurrentAgents { get; init; } = 20;

    public int DrainTickets { get; init; } = 10_000;

    public static BenchOptions Parse(string[] args)
    {
        var values = args.Select(a => a.TrimStart('-').Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "true");
        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name}=... is required");
        T Get<T>(string name, T fallback, Func<string, T> parse) => values.TryGetValue(name, out var v) ? parse(v) : fallback;
        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        var defaults = new BenchOptions { Postgres = "", WebDir = "", ResultsDir = "" };
        return new BenchOptions
        {
            Postgres = Required("pg"),
            WebDir = Path.GetFullPath(Required("web-dir")),
            ResultsDir = Path.GetFullPath(Required("results")),
            Connections = Get("n", defaults.Connections, s => s.Split(',').Select(Int).ToList()),
            Rate = Get("rate", defaults.Rate, s => double.Parse(s, CultureInfo.InvariantCulture)),
            Agents = Get("agents", defaults.Agents, Int),
            FrameInterval = Get("frame-ms", defaults.FrameInterval, s => TimeSpan.FromMilliseconds(Int(s))),
            Window = Get("seconds", defaults.Window, s => TimeSpan.FromSeconds(Int(s))),
            AppPort = Get("app-port", defaults.AppPort, Int),
            BarePort = Get("bare-port", defaults.BarePort, Int),
            ConnectConcurrency = Get("connect-concurrency", defaults.ConnectConcurrency, Int),
            RunP1 = Get("p1", true, bool.Parse),
            RunP2 = Get("p2", true, bool.Parse),
            ClaimSamples = Get("claim-samples", defaults.ClaimSamples, Int),
            ConcurrentAgents = Get("concurrent-agents", defaults.ConcurrentAgents, Int),
            DrainTickets = Get("drain", defaults.DrainTickets, Int),
        };
    }

    /// <summary>min(D, 1/T): frames each waiting client should get per second.</summary>
    public double ExpectedFramesPerSecond => Math.Min(Rate, 1 / FrameInterval.TotalSeconds);
}
