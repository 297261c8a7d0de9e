using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>The affiliate's side of a ticket: join (once), leave, connection presence, expiry after the grace period.</summary>
public sealed class QueueTicketService(IessClaveDbContext db, QueueEventWriter events, TimeProvider time)
{
    /// <summary>
    /// Returns the account's active ticket, creating one when there is none (one active ticket per account).
    /// <paramref name="absentSince"/> creates it as if its page had disconnected then: it is not handed out until
    /// the page connects, and expires one grace period later if it never does.
    /// </summary>
    public async Task<QueueTicket> JoinAsync(Guid accountId, QueueLane lane, PriorityReason reason, CancellationToken ct, DateTimeOffset? absentSince = null)
    {
        if (await ActiveTicketAsync(accountId, ct) is { } existing)
        {
            return existing;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticket = new QueueTicket
        {
            AccountId = accountId,
            Lane = lane,
            PriorityReason = reason,
            Status = TicketStatus.Waiting,
            JoinedAt = time.GetUtcNow(),
            DisconnectedAt = absentSince,
        };
        db.QueueTickets.Add(ticket);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A parallel request for the same account won the unique index: that ticket is the one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ActiveTicketAsync(accountId, ct) ?? throw new InvalidOperationException("Ticket vanished after a unique-index conflict.");
        }

        await events.AppendAsync(lane, ticket.Id, +1, ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    public Task<QueueTicket?> ActiveTicketAsync(Guid accountId, CancellationToken ct) =>
        db.QueueTickets.AsNoTracking().Where(t => t.AccountId == accountId && QueueTicket.ActiveStatuses.Contains(t.Status)).SingleOrDefaultAsync(ct);

    public Task<QueueTicket?> FindAsync(long ticketId, Guid accountId, CancellationToken ct) =>
        db.QueueTickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId && t.AccountId == accountId, ct);

    /// <summary>Leaves the queue. Only a waiting ticket can be left this way; returns false otherwise.</summary>
    public async Task<bool> LeaveAsync(long ticketId, Guid accountId, CancellationToken ct) =>
        await EndWaitingAsync(t => t.Id == ticketId && t.AccountId == accountId, TicketStatus.Left, ct) > 0;

    /// <summary>Ends one waiting ticket (e.g. its person is served at a window); 0 when it was no longer waiting.</summary>
    public Task<int> EndWaitingByIdAsync(long ticketId, TicketStatus end, CancellationToken ct) =>
        EndWaitingAsync(t => t.Id == ticketId, end, ct);

    /// <summary>Ends the waiting tickets whose connection has been gone longer than the grace period.</summary>
    public Task<int> ExpireDisconnectedAsync(TimeSpan grace, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - grace;
        return EndWaitingAsync(t => t.DisconnectedAt != null && t.DisconnectedAt < cutoff, TicketStatus.Expired, ct);
    }

    /// <summary>The called affiliate answers ("Estoy listo"): the service starts. Returns the agent to tell, if any.</summary>
    public async Task<Guid?> AnswerAsync(long ticketId, Guid accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.QueueTickets.Where(t => t.Id == ticketId && t.AccountId == accountId && t.Status == TicketStatus.Called)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.InService).SetProperty(t => t.ServiceStartedAt, now), ct);
        return rows == 0 ? null : await db.QueueTickets.Where(t => t.Id == ticketId).Select(t => t.AgentId).SingleAsync(ct);
    }

    public Task SetConnectedAsync(long ticketId, bool connected, CancellationToken ct)
    {
        DateTimeOffset? at = connected ? null : time.GetUtcNow();
        return db.QueueTickets.Where(t => t.Id == ticketId && t.Status == TicketStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DisconnectedAt, at), ct);
    }

    private async Task<int> EndWaitingAsync(System.Linq.Expressions.Expression<Func<QueueTicket, bool>> which, TicketStatus end, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await db.QueueTickets.Where(t => t.Status == TicketStatus.Waiting).Where(which)
            .Select(t => new { t.Id, t.Lane }).ToListAsync(ct);
        if (ended.Count == 0)
        {
            return 0;
        }

        var ids = ended.Select(e => e.Id).ToList();
        var now = time.GetUtcNow();
        var rows = await db.QueueTickets.Where(t => ids.Contains(t.Id) && t.Status == TicketStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, end).SetProperty(t => t.EndedAt, now), ct);
        if (rows != ended.Count)
        {
            // Someone (a claim) changed one of them meanwhile: start over rather than emit a wrong event.
            await tx.RollbackAsync(ct);
            return await EndWaitingAsync(which, end, ct);
        }

        await events.AppendAsync(ended.Select(e => (e.Lane, e.Id, -1)), ct);
        await tx.CommitAsync(ct);
        return rows;
    }
}
