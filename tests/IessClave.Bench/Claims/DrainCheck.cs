using IessClave.Bench.Hosting;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Bench.Claims;

/// <summary>What the drain must leave behind: every seeded ticket claimed exactly once and completed.</summary>
public static class DrainCheck
{
    /// <summary>Ends whatever the latency series left waiting, so the drain starts from an empty line.</summary>
    public static Task<int> EndLeftoversAsync(AppServices app) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<IessClaveDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var waiting = await db.QueueTickets.Where(t => t.Status == TicketStatus.Waiting).Select(t => new { t.Lane, t.Id }).ToListAsync();
        await db.QueueTickets.Where(t => t.Status == TicketStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Left).SetProperty(t => t.EndedAt, DateTimeOffset.UtcNow));
        await sp.GetRequiredService<QueueEventWriter>().AppendAsync(waiting.Select(w => (w.Lane, w.Id, -1)), default);
        await tx.CommitAsync();
        return waiting.Count;
    });

    public static Task<DrainResult> VerifyAsync(AppServices app, List<SeededTicket> seeded, List<long> claimed, int errors, int agents, double seconds) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IessClaveDbContext>();
            var first = seeded.Min(t => t.TicketId);
            var last = seeded.Max(t => t.TicketId);
            var mine = db.QueueTickets.AsNoTracking().Where(t => t.Id >= first && t.Id <= last);
            var stillWaiting = await mine.CountAsync(t => t.Status == TicketStatus.Waiting);
            var notCompleted = await mine.CountAsync(t => t.Status != TicketStatus.Waiting && t.Status != TicketStatus.Completed);
            var takenTwice = (await db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditActions.QueueTaken)
                    .GroupBy(a => a.Detail).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync())
                .Count(detail => long.TryParse(detail?.Replace("ticket=", "", StringComparison.Ordinal), out var id) && id >= first && id <= last);
            var twoDepartures = await db.QueueEvents.AsNoTracking().Where(e => e.Delta < 0 && e.TicketId >= first && e.TicketId <= last)
                .GroupBy(e => e.TicketId).CountAsync(g => g.Count() > 1);
            var claimedSet = claimed.ToHashSet();
            return new DrainResult(
                seeded.Count, agents, seconds, claimed.Count, claimed.Count - claimedSet.Count, errors,
                stillWaiting, notCompleted, takenTwice, twoDepartures, seeded.Count(t => !claimedSet.Contains(t.TicketId)));
        });
}
