using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Virtual;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Verification;

public sealed record PendingUnlockMail(OutgoingMail Mail, IssuedToken Token);

/// <summary>
/// The verified unlock, in the caller's transaction: every lockout counter reset, the reset written to the
/// lockout ledger, the case closed, and a new-clave link (15 min, once) queued to the contact email.
/// </summary>
public sealed class AccountUnlocker(
    IessClaveDbContext db, TokenIssuer tokens, ClaveLinkMailer mailer, SelfServiceCounters selfService, AuditLog audit, TimeProvider time)
{
    public async Task<PendingUnlockMail> UnlockAsync(UnlockCase unlockCase, Guid actorId, string actorType, string? newEmail, CancellationToken ct)
    {
        // The same lock as every other link issuer: a self-service proof at this moment waits, then sees the unlock.
        await RowLocks.LockAccountAsync(db, unlockCase.AccountId, ct);
        var account = await db.Accounts.Include(a => a.Affiliate).SingleAsync(a => a.Id == unlockCase.AccountId, ct);
        if (newEmail is not null)
        {
            account.Email = newEmail;
        }

        await ResetLockoutAsync(account, unlockCase, actorId, ct);
        var issued = await tokens.IssueAsync(account.Id, TokenPurpose.NewClave, ct);
        var mail = mailer.Add(account, account.Affiliate, issued);
        audit.Record(actorType, actorId.ToString(), AuditActions.CaseUnlocked, account.Id, newEmail is null ? null : "email-changed", unlockCase.Id);
        await db.SaveChangesAsync(ct);
        return new PendingUnlockMail(mail, issued);
    }

    /// <summary>
    /// In the caller's unit of work: every lockout counter reset (wrong claves, wrong self-service answers), the
    /// reset written to the ledger with its case, and the case closed as unlocked.
    /// </summary>
    public async Task ResetLockoutAsync(ClaveAccount account, UnlockCase unlockCase, Guid? agentId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        account.LockedAt = null;
        account.LockoutCause = null;
        account.FailedSignInCount = 0;
        await selfService.ResetAsync(account.Affiliate.Identification, ct);
        db.LockoutLedger.Add(new LockoutEntry
        {
            AccountId = account.Id, Change = LockoutChange.Reset, Cause = "verified-unlock:" + unlockCase.Channel,
            CaseId = unlockCase.Id, AgentId = agentId, At = now,
        });
        unlockCase.Status = CaseStatus.Unlocked;
        unlockCase.ClosedAt = now;
        unlockCase.PendingEmail = null;
    }

    /// <summary>After commit: send the link and schedule its expiry.</summary>
    public void Dispatch(PendingUnlockMail pending) => mailer.Dispatch(pending.Mail, pending.Token);
}
