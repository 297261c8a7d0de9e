using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>
/// After a proven identity: a single-use link (15 min) to the registered email. A locked account gets an unlock
/// link and its case (opened here, or the open one continued) gets the evidence; otherwise a recovery link.
/// The proof starts over: the counter of wrong answers is cleared.
/// </summary>
public sealed class SelfServiceLinkSender(
    IessClaveDbContext db,
    TokenIssuer tokens,
    SelfServiceCounters counters,
    MailQueue mail,
    AuditLog audit,
    IOptions<SiteOptions> site,
    IOptions<ClaveOptions> clave,
    TimeProvider time)
{
    public static readonly TokenPurpose[] Purposes = [TokenPurpose.VirtualUnlock, TokenPurpose.Recovery];

    public static string PathFor(TokenPurpose purpose) =>
        purpose == TokenPurpose.VirtualUnlock ? "/desbloquear/virtual/enlace" : "/clave/recuperar/enlace";

    public async Task<ProofResult> SendAsync(SelfServiceWay way, ClaveAccount account, CancellationToken ct)
    {
        try
        {
            return await SendOnceAsync(way, account, ct);
        }
        catch (DbUpdateException)
        {
            // Two right proofs at once for an account without an open case: the other one opened it (one open case
            // per account is a unique index). Start over once; this time the case is found and continued.
            db.ChangeTracker.Clear();
            return await SendOnceAsync(way, account, ct);
        }
    }

    private async Task<ProofResult> SendOnceAsync(SelfServiceWay way, ClaveAccount account, CancellationToken ct)
    {
        var unlocks = account.IsLocked;
        var purpose = unlocks ? TokenPurpose.VirtualUnlock : TokenPurpose.Recovery;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two right proofs at once: the second waits here, then revokes the first one's link and continues its case.
        await RowLocks.LockAccountAsync(db, account.Id, ct);
        await counters.ResetAsync(account.Affiliate.Identification, ct);
        await RevokeAsync(account.Id, ct);
        var issued = await tokens.IssueAsync(account.Id, purpose, ct);
        var caseId = unlocks ? await RecordEvidenceAsync(account.Id, ct) : (Guid?)null;
        var link = site.Value.Link($"{PathFor(purpose)}?t={issued.RawValue}");
        var minutes = (int)clave.Value.LinkLifetime.TotalMinutes;
        var name = account.Affiliate.FullName;
        var queued = unlocks
            ? mail.Add(new VirtualUnlockLinkMail(name, link, issued.Token.ExpiresAt, minutes), account.Email, name, account.Culture, account.Id)
            : mail.Add(new RecoveryLinkMail(name, link, issued.Token.ExpiresAt, minutes), account.Email, name, account.Culture, account.Id);
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.SelfServiceLinkSent, account.Id, $"way={way};purpose={purpose}", caseId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mail.Dispatch(queued);
        tokens.ScheduleExpiry(issued.Token);
        return new ProofResult(ProofOutcome.LinkSent, MaskedEmail: ContactData.MaskEmail(account.Email), Unlocks: unlocks);
    }

    /// <summary>Only the newest self-service link of an account works, whichever of the two kinds it is.</summary>
    public async Task RevokeAsync(Guid accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Tokens.Where(t => t.AccountId == accountId && Purposes.Contains(t.Purpose) && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    // The case keeps what the affiliate proved alone (no agent), so a later video call or window visit need not ask again.
    private async Task<Guid> RecordEvidenceAsync(Guid accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var unlockCase = await db.Cases.SingleOrDefaultAsync(c => c.AccountId == accountId && UnlockCase.OpenStatuses.Contains(c.Status), ct);
        if (unlockCase is null)
        {
            unlockCase = new UnlockCase { Id = Guid.NewGuid(), AccountId = accountId, Channel = CaseChannel.Virtual, Status = CaseStatus.Open, OpenedAt = now };
            db.Cases.Add(unlockCase);
        }

        db.CaseChecks.Add(new CaseCheck { CaseId = unlockCase.Id, Kind = CheckKind.BirthDate, Passed = true, AgentId = null, Channel = CaseChannel.Virtual, At = now });
        db.CaseChecks.Add(new CaseCheck { CaseId = unlockCase.Id, Kind = CheckKind.SecurityAnswer, Passed = true, AgentId = null, Channel = CaseChannel.Virtual, At = now });
        return unlockCase.Id;
    }
}
