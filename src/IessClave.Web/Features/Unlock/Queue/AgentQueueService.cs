using Hangfire;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Queue;

public enum TakeOutcome
{
    Taken,
    QueueEmpty,
    NotAvailable,
    AlreadyServing,
}

public sealed record AgentCase(
    long Ticket, int Lane, string Status, string FullName, string Identification, DateTimeOffset JoinedAt, DateTimeOffset? CalledAt, string SecurityQuestion,
    string? JoinUrl = null, string? MeetingNotice = null);

/// <summary>The agent's side of the queue: take the next caller (never a chosen one), return, no-show, finish.</summary>
public sealed class AgentQueueService(
    IessClaveDbContext db,
    QueueEventWriter events,
    AuditLog audit,
    IBackgroundJobClient jobs,
    IHubContext<QueueHub, IQueueClient> affiliates,
    TicketViews views,
    Verification.CaseService cases,
    Verification.CallSetup callSetup,
    IOptions<QueueOptions> options,
    TimeProvider time)
{
    public async Task<(TakeOutcome Outcome, AgentCase? Case)> TakeNextAsync(Guid agentId, CancellationToken ct)
    {
        // One connection for the claim and the steps after its commit, instead of one from the pool per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The claim commits whole or not at all, so a savepoint per SaveChanges (a round trip each) buys nothing.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                return await TakeNextCoreAsync(agentId, tx, ct);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(TakeOutcome Outcome, AgentCase? Case)> TakeNextCoreAsync(Guid agentId, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        var agent = await LockAgentAsync(agentId, ct);
        if (agent is null || agent.Status != AgentStatus.Available || agent.LockedAt is not null)
        {
            return (TakeOutcome.NotAvailable, null);
        }

        if (agent.CurrentTicketId is not null)
        {
            return (TakeOutcome.AlreadyServing, await CaseAsync(agent.CurrentTicketId.Value, ct));
        }

        // As the database keeps it (DatabaseTime): the no-show job compares its argument with the stored CalledAt.
        var now = DatabaseTime.Truncate(time.GetUtcNow());
        if (await ClaimNextTicket.ExecuteAsync(db, agentId, now, ct) is not { } claimed)
        {
            await tx.CommitAsync(ct);
            return (TakeOutcome.QueueEmpty, null);
        }

        var ticketId = claimed.Id;
        agent.CurrentTicketId = ticketId;
        // Agent, audit event and case are only tracked here: the event append's SaveChanges writes them all in one batch.
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.QueueTaken, detail: $"ticket={ticketId}");
        var channel = claimed.PriorityReason == PriorityReason.Booking ? CaseChannel.ScheduledCall : CaseChannel.VideoQueue;
        var unlockCase = await cases.OpenForCallAsync(claimed.AccountId, ticketId, agentId, channel, ct);
        await events.AppendAsync(claimed.Lane, ticketId, -1, ct);
        await tx.CommitAsync(ct);

        jobs.Schedule<NoShowJob>(j => j.RunAsync(ticketId, now, CancellationToken.None), options.Value.CallResponseTimeout);
        await callSetup.StartAsync(unlockCase.Id, ct);
        await NotifyAffiliateAsync(ticketId, ct);
        // The case just opened is the ticket's latest one, with the meeting the call setup stored on it.
        return (TakeOutcome.Taken, await CaseAsync(ticketId, ct, unlockCase));
    }

    /// <summary>Puts the agent's caller back in line with the original number, hence the original place.</summary>
    public Task<bool> ReturnToQueueAsync(Guid agentId, CancellationToken ct) =>
        EndCaseAsync(agentId, AuditActions.QueueReturned, TicketStatus.Waiting, ct);

    public Task<bool> MarkNoShowAsync(Guid agentId, CancellationToken ct) =>
        EndCaseAsync(agentId, AuditActions.QueueNoShow, TicketStatus.NoShow, ct);

    public Task<bool> FinishAsync(Guid agentId, CancellationToken ct) =>
        EndCaseAsync(agentId, AuditActions.QueueFinished, TicketStatus.Completed, ct);

    public async Task<AgentCase?> ActiveCaseAsync(Guid agentId, CancellationToken ct) =>
        await db.Agents.Where(a => a.Id == agentId).Select(a => a.CurrentTicketId).SingleOrDefaultAsync(ct) is { } ticketId
            ? await CaseAsync(ticketId, ct)
            : null;

    private async Task<bool> EndCaseAsync(Guid agentId, string action, TicketStatus next, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agent = await LockAgentAsync(agentId, ct);
        if (agent?.CurrentTicketId is not { } ticketId)
        {
            return false;
        }

        var ticket = await db.QueueTickets.SingleAsync(t => t.Id == ticketId, ct);
        var now = DatabaseTime.Truncate(time.GetUtcNow());
        if (next == TicketStatus.Waiting)
        {
            ticket.ReturnCount++;
            (ticket.AgentId, ticket.CalledAt, ticket.ServiceStartedAt, ticket.DisconnectedAt) = (null, null, null, null);
        }
        else
        {
            ticket.EndedAt = now;
        }

        ticket.Status = next;
        agent.CurrentTicketId = null;
        if (next == TicketStatus.NoShow)
        {
            await Verification.CaseService.ReleaseAfterNoShowAsync(db, ticketId, ct);
        }
        audit.Record(AuditActors.Agent, agentId.ToString(), action, ticket.AccountId, $"ticket={ticketId}");
        await db.SaveChangesAsync(ct);
        if (next == TicketStatus.Waiting)
        {
            await events.AppendAsync(ticket.Lane, ticketId, +1, ct);
        }

        await tx.CommitAsync(ct);
        await NotifyAffiliateAsync(ticketId, ct);
        return true;
    }

    private async Task<AgentAccount?> LockAgentAsync(Guid agentId, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? await db.Agents.FromSqlInterpolated($"SELECT * FROM agent_accounts WHERE \"Id\" = {agentId} FOR UPDATE").SingleOrDefaultAsync(ct)
            : await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct);

    private async Task NotifyAffiliateAsync(long ticketId, CancellationToken ct)
    {
        var ticket = await db.QueueTickets.AsNoTracking().SingleAsync(t => t.Id == ticketId, ct);
        await affiliates.Clients.Group(QueueHub.TicketGroup(ticketId)).TicketChanged(await views.ForAsync(ticket, ct));
    }

    private async Task<AgentCase?> CaseAsync(long ticketId, CancellationToken ct, UnlockCase? latestCase = null) =>
        await (from t in db.QueueTickets.AsNoTracking()
               join a in db.Accounts on t.AccountId equals a.Id
               where t.Id == ticketId
               select new { t.Id, t.Lane, t.Status, a.Affiliate.FullName, a.Affiliate.Identification, t.JoinedAt, t.CalledAt, a.SecurityQuestionId })
            .SingleOrDefaultAsync(ct) is { } c
            ? WithMeeting(new AgentCase(c.Id, (int)c.Lane, c.Status.ToString(), c.FullName, c.Identification, c.JoinedAt, c.CalledAt,
                Registration.SecurityGallery.FindQuestion(c.SecurityQuestionId)?.Text ?? "—"),
                latestCase ?? await db.Cases.AsNoTracking().Where(k => k.TicketId == ticketId).OrderByDescending(k => k.OpenedAt).FirstOrDefaultAsync(ct))
            : null;

    private AgentCase WithMeeting(AgentCase agentCase, UnlockCase? latestCase) =>
        latestCase is { } k
            ? agentCase with { JoinUrl = callSetup.AgentJoinUrl(k), MeetingNotice = k.MeetingFallbackReason }
            : agentCase;
}
