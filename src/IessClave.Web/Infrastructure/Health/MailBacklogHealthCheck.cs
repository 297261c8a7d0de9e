using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Health;

/// <summary>Mails that should have gone out by now (activation and unlock links last 15 minutes): "Degraded".</summary>
public sealed class MailBacklogHealthCheck(IessClaveDbContext db, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow() - options.Value.MailBacklogAfter;
        var late = await db.OutgoingMails.CountAsync(m => m.SentAt == null && m.CreatedAt < before, cancellationToken);
        return late == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{late} mail(s) unsent for over {options.Value.MailBacklogAfter.TotalMinutes:0} minutes.");
    }
}
