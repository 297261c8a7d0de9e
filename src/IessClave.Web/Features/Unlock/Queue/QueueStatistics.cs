using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>The ETA inputs: moving average of recent service times and how many agents are available now.</summary>
public sealed class QueueStatistics(IessClaveDbContext db, IOptions<QueueOptions> options)
{
    public async Task<(int AvgServiceSeconds, int AgentsAvailable)> MeasureAsync(CancellationToken ct)
    {
        var o = options.Value;
        var recent = await db.QueueTickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.Completed && t.ServiceStartedAt != null && t.EndedAt != null)
            .OrderByDescending(t => t.Id).Take(o.ServiceTimeSamples)
            .Select(t => new { t.ServiceStartedAt, t.EndedAt }).ToListAsync(ct);
        var avg = recent.Count == 0
            ? o.DefaultServiceTime.TotalSeconds
            : recent.Average(t => (t.EndedAt!.Value - t.ServiceStartedAt!.Value).TotalSeconds);
        return ((int)Math.Round(Math.Max(1, avg)), await AgentsAvailableAsync(ct));
    }

    private Task<int> AgentsAvailableAsync(CancellationToken ct) =>
        db.Agents.CountAsync(a => a.Status == AgentStatus.Available && a.LockedAt == null, ct);
}
