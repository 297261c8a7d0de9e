using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process (tests of pure HTTP paths can turn it off).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>PostgreSQL schema for Hangfire's tables; each test host gets its own.</summary>
    [Required, RegularExpression("^[a-z_][a-z0-9_]{0,40}$")]
    public string Schema { get; set; } = "hangfire";

    /// <summary>SQLite file for Hangfire in the embedded default.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/hangfire.db";

    /// <summary>How often the schedule is checked for due jobs: the no-show deadline is at most this late.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On PostgreSQL, how often idle workers look at the queue anyway. New jobs wake them at once (LISTEN/NOTIFY),
    /// so this is only the fallback for a missed notification. SQLite polls its queue every <see cref="PollInterval"/>.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>Serve the Hangfire dashboard at /operaciones/trabajos, to requests from the machine itself only (off by default).</summary>
    public bool DashboardEnabled { get; set; }
}
