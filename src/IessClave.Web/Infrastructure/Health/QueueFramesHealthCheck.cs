using IessClave.Web.Features.Unlock.Queue;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Health;

/// <summary>This node's live-queue broadcaster still completes its ticks (else the waiting pages stand still).</summary>
public sealed class QueueFramesHealthCheck(QueueBroadcaster broadcaster, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(broadcaster.SinceLastTick, options.Value.QueueSilentAfter));

    /// <param name="sinceLastTick">Time since the last completed tick, or since the broadcaster started if none has.</param>
    public static HealthCheckResult Evaluate(TimeSpan sinceLastTick, TimeSpan silentAfter) =>
        sinceLastTick <= silentAfter
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"No queue frame tick for {sinceLastTick.TotalSeconds:0} s.");
}
