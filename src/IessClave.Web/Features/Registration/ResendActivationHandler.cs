using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Registration;

public enum ResendOutcome
{
    Sent,
    AlreadyActive,
    TooSoon,
    Invalid,
}

public sealed record ResendResult(ResendOutcome Outcome, string? MaskedEmail = null);

/// <summary>"Send me a new link" from an expired or used activation link: only the holder of an old link can ask.</summary>
public sealed class ResendActivationHandler(
    IessClaveDbContext db, TokenIssuer tokens, ClaveLinkMailer mailer, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    public async Task<ResendResult> HandleAsync(string? rawToken, CancellationToken ct, TokenPurpose purpose = TokenPurpose.Activation)
    {
        var old = await tokens.FindAsync(rawToken, purpose, ct);
        if (old is null)
        {
            return new ResendResult(ResendOutcome.Invalid);
        }

        var account = old.Account;
        var done = purpose == TokenPurpose.NewClave
            ? await db.Tokens.AnyAsync(t => t.AccountId == account.Id && t.Purpose == purpose && t.UsedAt != null && t.IssuedAt >= old.IssuedAt, ct)
            : account.Status == AccountStatus.Active;
        if (done)
        {
            return new ResendResult(ResendOutcome.AlreadyActive);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A double click: the second request waits here, then finds the first one's new link and answers "too soon".
        await RowLocks.LockAccountAsync(db, account.Id, ct);
        var now = time.GetUtcNow();
        var latest = await db.Tokens.Where(t => t.AccountId == account.Id && t.Purpose == purpose)
            .OrderByDescending(t => t.IssuedAt).Select(t => (DateTimeOffset?)t.IssuedAt).FirstOrDefaultAsync(ct);
        if (latest is { } issued && now - issued < MinimumInterval)
        {
            return new ResendResult(ResendOutcome.TooSoon, ContactData.MaskEmail(account.Email));
        }

        var fresh = await tokens.IssueAsync(account.Id, purpose, ct);
        var mail = mailer.Add(account, account.Affiliate, fresh);
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.ActivationResent, account.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mailer.Dispatch(mail, fresh);
        return new ResendResult(ResendOutcome.Sent, ContactData.MaskEmail(account.Email));
    }
}
