using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IessClave.Web.Infrastructure.Health;

/// <summary>The database answers. Without it nothing works, so this one is "Unhealthy".</summary>
public sealed class DatabaseHealthCheck(IessClaveDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception text may name hosts or users: only its type goes out.
            return HealthCheckResult.Unhealthy($"The database does not answer ({ex.GetType().Name}).");
        }
    }
}
