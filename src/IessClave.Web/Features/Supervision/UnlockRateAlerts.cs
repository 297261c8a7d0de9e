using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Supervision;

public sealed record AgentUnlockRate(Guid AgentId, string DisplayName, int Cases, int Unlocked, double Rate, bool Alert);

/// <summary>
/// Per agent, over a recent window: the share of closed cases that ended in an unlock. An agent far above the
/// peers (twice the median, with enough cases to mean something) is flagged for a supervisor to look at.
/// </summary>
public sealed class UnlockRateAlerts(IessClaveDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);
    public const int MinimumCases = 5;
    public const double AlertFactor = 2.0;

    public async Task<IReadOnlyList<AgentUnlockRate>> RatesAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow() - Window;
        var closed = await db.Cases.AsNoTracking()
            .Where(c => c.ClosedAt != null && c.ClosedAt >= since && c.AgentId != null && (c.Status == CaseStatus.Unlocked || c.Status == CaseStatus.Rejected))
            .Select(c => new { AgentId = c.AgentId!.Value, c.Status }).ToListAsync(ct);
        var names = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        var rates = closed.GroupBy(c => c.AgentId)
            .Select(g => (Agent: g.Key, Cases: g.Count(), Unlocked: g.Count(c => c.Status == CaseStatus.Unlocked)))
            .ToList();
        var median = Median(rates.Where(r => r.Cases >= MinimumCases).Select(r => (double)r.Unlocked / r.Cases).ToList());
        return rates
            .Select(r =>
            {
                var rate = (double)r.Unlocked / r.Cases;
                var alert = r.Cases >= MinimumCases && median > 0 && rate >= Math.Min(1, median * AlertFactor) && rate > median;
                return new AgentUnlockRate(r.Agent, names.GetValueOrDefault(r.Agent, "—"), r.Cases, r.Unlocked, rate, alert);
            })
            .OrderByDescending(r => r.Alert).ThenByDescending(r => r.Rate).ToList();
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
