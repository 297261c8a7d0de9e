using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>Opens (or continues) the account's one open case and finds the case an agent is working on.</summary>
public sealed class CaseService(IessClaveDbContext db, OneTimeCodes codes, IOptions<VerificationOptions> options, TimeProvider time)
{
    /// <summary>
    /// In the caller's transaction: the account's open case (kept across channels) now served by this agent. Only
    /// tracked: the caller's next SaveChanges writes it with the rest of its unit of work.
    /// </summary>
    public async Task<UnlockCase> OpenForCallAsync(Guid accountId, long ticketId, Guid agentId, CaseChannel channel, CancellationToken ct)
    {
        var unlockCase = await db.Cases.SingleOrDefaultAsync(c => c.AccountId == accountId && UnlockCase.OpenStatuses.Contains(c.Status), ct);
        if (unlockCase is null)
        {
            unlockCase = new UnlockCase { Id = Guid.NewGuid(), AccountId = accountId, Status = CaseStatus.Open, OpenedAt = time.GetUtcNow() };
            db.Cases.Add(unlockCase);
        }

        unlockCase.Channel = channel;
        unlockCase.TicketId = ticketId;
        unlockCase.AgentId = agentId;
        unlockCase.HeldAt = time.GetUtcNow();
        // A fresh code per call: a code read out on an earlier call must not bind this one.
        unlockCase.OneTimeCodeProtected = codes.Create(options.Value.OneTimeCodeDigits).Protected;
        return unlockCase;
    }

    /// <summary>The open case of the caller the agent is serving now, or null (no IDs from the client are trusted).</summary>
    public async Task<UnlockCase?> CurrentForAgentAsync(Guid agentId, CancellationToken ct)
    {
        var ticketId = await db.Agents.Where(a => a.Id == agentId).Select(a => a.CurrentTicketId).SingleOrDefaultAsync(ct);
        return ticketId is null
            ? null
            : await db.Cases.SingleOrDefaultAsync(c => c.TicketId == ticketId && c.AgentId == agentId && UnlockCase.OpenStatuses.Contains(c.Status), ct);
    }

    /// <summary>The caller did not show up: the case stays open (its evidence too) for the next channel.</summary>
    public static Task ReleaseAfterNoShowAsync(IessClaveDbContext db, long ticketId, CancellationToken ct) =>
        db.Cases.Where(c => c.TicketId == ticketId && c.Status == CaseStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TicketId, (long?)null).SetProperty(c => c.AgentId, (Guid?)null).SetProperty(c => c.HeldAt, (DateTimeOffset?)null)
                .SetProperty(c => c.ReasonCode, "no-show"), ct);

    public Task<UnlockCase?> ForTicketAsync(long ticketId, CancellationToken ct) =>
        db.Cases.AsNoTracking().OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(c => c.TicketId == ticketId, ct);

    /// <summary>What has passed so far in this case, by check (the latest result of each kind counts).</summary>
    public async Task<IReadOnlyDictionary<CheckKind, bool>> EvidenceAsync(Guid caseId, CancellationToken ct)
    {
        var checks = await db.CaseChecks.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.Id).ToListAsync(ct);
        return checks.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Any(c => c.Passed));
    }
}
