using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// Scheduled when a caller is called. If that same call (same CalledAt) is still unanswered, the caller is a
/// no-show and the agent is free again. Running it late, twice, or after the caller answered changes nothing.
/// </summary>
public sealed class NoShowJob(
    IessClaveDbContext db,
    AuditLog audit,
    IHubContext<QueueHub, IQueueClient> affiliates,
    IHubContext<AgentQueueHub, IAgentQueueClient> agents,
    TicketViews views,
    TimeProvider time)
{
    public async Task<bool> RunAsync(long ticketId, DateTimeOffset calledAt, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticket = await db.QueueTickets.SingleOrDefaultAsync(t => t.Id == ticketId && t.Status == TicketStatus.Called, ct);
        if (ticket is null || ticket.CalledAt != calledAt)
        {
            return false;
        }

        ticket.Status = TicketStatus.NoShow;
        ticket.EndedAt = time.GetUtcNow();
        if (ticket.AgentId is { } agentId)
        {
            await db.Agents.Where(a => a.Id == agentId && a.CurrentTicketId == ticketId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CurrentTicketId, (long?)null), ct);
        }

        audit.Record(AuditActors.System, null, AuditActions.QueueNoShow, ticket.AccountId, $"ticket={ticketId};timeout");
        await Verification.CaseService.ReleaseAfterNoShowAsync(db, ticketId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await affiliates.Clients.Group(QueueHub.TicketGroup(ticketId)).TicketChanged(await views.ForAsync(ticket, CancellationToken.None));
        if (ticket.AgentId is { } freed)
        {
            await agents.Clients.Group(AgentQueueHub.AgentGroup(freed)).CaseChanged(null);
        }

        return true;
    }
}
