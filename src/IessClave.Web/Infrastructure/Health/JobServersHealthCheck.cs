using Hangfire;
using IessClave.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Health;

/// <summary>
/// Some Hangfire server (this process's or another node's) has reported within its timeout: mails, link expiries,
/// no-shows and reminders run. When none has, they all wait, so the app is "Unhealthy".
/// </summary>
public sealed class JobServersHealthCheck(JobStorage storage, IOptions<JobsOptions> options) : IHealthCheck
{
    /// <summary>Hangfire's own server timeout (JobsServiceCollectionExtensions).</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var heartbeats = storage.GetMonitoringApi().Servers().Select(s => s.Heartbeat).ToList();
        // Hangfire stamps heartbeats with the real clock, not the app's TimeProvider: compare like with like.
        return Task.FromResult(Evaluate(heartbeats, DateTime.UtcNow, options.Value.RunServer));
    }

    /// <param name="heartbeats">The servers' last heartbeats, UTC, as Hangfire stores them.</param>
    /// <param name="runsHere">Whether this process runs a server (if not, another node must).</param>
    public static HealthCheckResult Evaluate(IReadOnlyList<DateTime?> heartbeats, DateTime utcNow, bool runsHere)
    {
        var alive = heartbeats.Count(h => h is { } at && utcNow - at <= HeartbeatTimeout);
        if (alive > 0)
        {
            return HealthCheckResult.Healthy($"{alive} job server(s) alive.");
        }

        return HealthCheckResult.Unhealthy(runsHere
            ? "The job server has not reported for over a minute: mails and expiries are waiting."
            : "No job server has reported for over a minute, and this node runs none (Jobs:RunServer=false).");
    }
}
