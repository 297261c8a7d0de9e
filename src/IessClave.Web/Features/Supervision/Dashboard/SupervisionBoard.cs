using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Supervision.Dashboard;

/// <summary>Builds the board: the queue from the broadcaster's memory, agents and today's outcomes from the database.</summary>
public sealed class SupervisionBoard(IessClaveDbContext db, QueueBroadcaster broadcaster, AgentPresence presence, TimeProvider time)
{
    public async Task<SupervisionSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var startOfDay = new DateTimeOffset(EcuadorTime.Today(time).ToDateTime(TimeOnly.MinValue), EcuadorTime.Zone.BaseUtcOffset).ToUniversalTime();
        var overview = broadcaster.Overview();

        var agents = await db.Agents.AsNoTracking()
            .Where(a => (a.Roles & AgentRoles.Agent) != 0 && a.LockedAt == null)
            .OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName, a.UserName, a.Status })
            .ToListAsync(ct);
        var held = (await db.Cases.AsNoTracking()
                .Where(c => c.AgentId != null && UnlockCase.OpenStatuses.Contains(c.Status) && c.HeldAt != null)
                .Select(c => new { AgentId = c.AgentId!.Value, c.Channel, HeldAt = c.HeldAt!.Value })
                .ToListAsync(ct))
            .GroupBy(c => c.AgentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.HeldAt)!);
        var closedToday = await db.Cases.AsNoTracking().Where(c => c.ClosedAt >= startOfDay)
            .GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var noShows = await db.QueueTickets.CountAsync(t => t.Status == TicketStatus.NoShow && t.EndedAt >= startOfDay, ct);
        var approvals = await db.Cases.CountAsync(c => c.Status == CaseStatus.AwaitingApproval, ct);

        return new SupervisionSnapshot(
            overview.Standard,
            overview.Priority,
            overview.OldestJoinedAt,
            overview.AgentsAvailable,
            broadcaster.Stats.AvgServiceSeconds,
            closedToday.Where(c => c.Status == CaseStatus.Unlocked).Sum(c => c.Count),
            closedToday.Where(c => c.Status == CaseStatus.Rejected).Sum(c => c.Count),
            noShows,
            approvals,
            [.. agents.Select(a => held.TryGetValue(a.Id, out var c)
                ? new AgentOnBoard($"{a.DisplayName} ({a.UserName})", StatusName(a.Status), presence.IsConnected(a.Id), CaseTexts.Channel(c.Channel), c.HeldAt)
                : new AgentOnBoard($"{a.DisplayName} ({a.UserName})", StatusName(a.Status), presence.IsConnected(a.Id), null, null))],
            now);
    }

    public static string StatusName(AgentStatus status) => status switch
    {
        AgentStatus.Available => "Disponible",
        AgentStatus.Away => "Ausente",
        _ => "Desconectado",
    };
}
