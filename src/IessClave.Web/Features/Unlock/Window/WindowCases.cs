using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Window;

public enum OpenOutcome
{
    Opened,
    Continued,
    SearchExpired,
    NotLocked,
    HeldElsewhere,
    AlreadyHolding,
    AwaitingApproval,
}

public sealed record OpenResult(OpenOutcome Outcome, Guid? CaseId);

/// <summary>The account's open case as the search shows it: who has it now, and whether this agent can take it.</summary>
public sealed record OpenCaseView(Guid Id, string Opened, string Channel, string Status, bool AwaitingApproval, string? HeldBy, bool HeldByMe, bool HeldElsewhere);

/// <summary>
/// Window cases: the agent opens the account's case, or continues the one open from another channel with its
/// evidence, and holds it; every action on it first proves the hold (no case ids of other agents).
/// </summary>
public sealed class WindowCases(
    IessClaveDbContext db, WindowGrants grants, AuditLog audit, Queue.QueueDepartures departures, IOptions<WindowOptions> options, TimeProvider time)
{
    /// <summary>The open window case this agent holds, tracked, or null.</summary>
    public Task<UnlockCase?> HeldAsync(Guid agentId, Guid caseId, CancellationToken ct) =>
        db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.AgentId == agentId && c.Channel == CaseChannel.Window && c.TicketId == null && c.Status == CaseStatus.Open, ct);

    public Task<Guid?> HeldCaseIdAsync(Guid agentId, CancellationToken ct) =>
        db.Cases.Where(c => c.AgentId == agentId && c.Channel == CaseChannel.Window && c.TicketId == null && c.Status == CaseStatus.Open)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    public async Task<OpenCaseView?> OpenCaseAsync(Guid accountId, Guid agentId, CancellationToken ct)
    {
        var open = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == accountId && UnlockCase.OpenStatuses.Contains(c.Status), ct);
        if (open is null)
        {
            return null;
        }

        var heldBy = open.AgentId is { } id ? await db.Agents.Where(a => a.Id == id).Select(a => a.UserName).SingleOrDefaultAsync(ct) : null;
        var mine = open.AgentId == agentId && open.TicketId is null && open.Channel == CaseChannel.Window && open.Status == CaseStatus.Open;
        return new OpenCaseView(open.Id, EcuadorTime.Format(open.OpenedAt), CaseTexts.Channel(open.Channel), CaseTexts.ForStaff(open.Status),
            open.Status == CaseStatus.AwaitingApproval, heldBy, mine, !mine && await HeldElsewhereAsync(open, ct));
    }

    public async Task<OpenResult> OpenAsync(Guid agentId, string? grant, CancellationToken ct)
    {
        if (grants.AccountFor(agentId, grant) is not { } accountId)
        {
            return new OpenResult(OpenOutcome.SearchExpired, null);
        }

        var existing = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == accountId && UnlockCase.OpenStatuses.Contains(c.Status), ct);
        if (existing is { AgentId: var holder, TicketId: null, Channel: CaseChannel.Window, Status: CaseStatus.Open } && holder == agentId)
        {
            return new OpenResult(OpenOutcome.Continued, existing.Id);
        }

        if (await HeldCaseIdAsync(agentId, ct) is { } other)
        {
            return new OpenResult(OpenOutcome.AlreadyHolding, other);
        }

        var now = time.GetUtcNow();
        if (existing is null)
        {
            var locked = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.LockedAt != null).SingleAsync(ct);
            if (!locked)
            {
                return new OpenResult(OpenOutcome.NotLocked, null);
            }

            var created = new UnlockCase
            {
                Id = Guid.NewGuid(), AccountId = accountId, Channel = CaseChannel.Window, Status = CaseStatus.Open, OpenedAt = now, AgentId = agentId, HeldAt = now,
            };
            db.Cases.Add(created);
            audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseOpened, accountId, "channel=Window", created.Id);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another channel opened the account's case at the same moment (one open case per account).
                return new OpenResult(OpenOutcome.HeldElsewhere, null);
            }

            await departures.ServedAtWindowAsync(accountId, agentId, ct);
            return new OpenResult(OpenOutcome.Opened, created.Id);
        }

        if (existing.Status == CaseStatus.AwaitingApproval)
        {
            return new OpenResult(OpenOutcome.AwaitingApproval, null);
        }

        if (await HeldElsewhereAsync(existing, ct))
        {
            return new OpenResult(OpenOutcome.HeldElsewhere, null);
        }

        // Take it only if nobody changed it since we looked (compare-and-set on the holder and the hold time).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Cases
            .Where(c => c.Id == existing.Id && c.Status == CaseStatus.Open && c.AgentId == existing.AgentId && c.HeldAt == existing.HeldAt && c.TicketId == existing.TicketId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Channel, CaseChannel.Window).SetProperty(c => c.AgentId, agentId)
                .SetProperty(c => c.TicketId, (long?)null).SetProperty(c => c.HeldAt, now), ct);
        if (taken == 0)
        {
            return new OpenResult(OpenOutcome.HeldElsewhere, null);
        }

        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseOpened, accountId, $"channel=Window; continued-from={existing.Channel}", existing.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await departures.ServedAtWindowAsync(accountId, agentId, ct);
        return new OpenResult(OpenOutcome.Continued, existing.Id);
    }

    /// <summary>The person leaves without an outcome (e.g. to come back with the document): the case and its evidence stay open for any channel.</summary>
    public async Task ReleaseAsync(UnlockCase held, Guid agentId, CancellationToken ct)
    {
        (held.AgentId, held.HeldAt, held.ReasonCode) = (null, null, "released-at-window");
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseReleased, held.AccountId, "channel=Window", held.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>On a live call (its agent is serving the ticket), or held at a window by someone who acted recently.</summary>
    private async Task<bool> HeldElsewhereAsync(UnlockCase open, CancellationToken ct)
    {
        if (open.AgentId is null)
        {
            return false;
        }

        if (open.TicketId is { } ticket)
        {
            return await db.Agents.AnyAsync(a => a.CurrentTicketId == ticket, ct);
        }

        return open.Channel == CaseChannel.Window && open.HeldAt is { } at && time.GetUtcNow() - at < options.Value.HoldTimeout;
    }
}
