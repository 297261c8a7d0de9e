using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>Someone's place in line ended by another channel serving them (the service window).</summary>
public sealed class QueueDepartures(
    IessClaveDbContext db,
    QueueTicketService tickets,
    TicketViews views,
    AuditLog audit,
    IHubContext<QueueHub, IQueueClient> affiliates)
{
    /// <summary>
    /// The person is being served at a window: a waiting ticket of theirs leaves the line (everyone behind moves
    /// up, and no video agent calls someone who is standing at a counter), and its page is told. A ticket already
    /// called is left alone: that call holds the case, so the window could not have opened it.
    /// </summary>
    public async Task<long?> ServedAtWindowAsync(Guid accountId, Guid agentId, CancellationToken ct)
    {
        var waiting = await db.QueueTickets.AsNoTracking()
            .Where(t => t.AccountId == accountId && t.Status == TicketStatus.Waiting).Select(t => (long?)t.Id).SingleOrDefaultAsync(ct);
        if (waiting is not { } ticketId || await tickets.EndWaitingByIdAsync(ticketId, TicketStatus.Left, ct) == 0)
        {
            return null;
        }

        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.QueueLeft, accountId, $"ticket={ticketId}; served-at-window");
        await db.SaveChangesAsync(ct);
        var ticket = await db.QueueTickets.AsNoTracking().SingleAsync(t => t.Id == ticketId, ct);
        await affiliates.Clients.Group(QueueHub.TicketGroup(ticketId)).TicketChanged(await views.ForAsync(ticket, ct));
        return ticketId;
    }
}
