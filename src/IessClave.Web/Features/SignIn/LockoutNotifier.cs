using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.SignIn;

/// <summary>Locks an account once (the first concurrent caller wins) and queues the "your clave was locked" mail.</summary>
public sealed class LockoutNotifier(IessClaveDbContext db, MailQueue mail, AuditLog audit, IOptions<SiteOptions> site, TimeProvider time)
{
    public async Task<bool> LockAsync(ClaveAccount account, LockoutCause cause, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Accounts.Where(a => a.Id == account.Id && a.LockedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedAt, now).SetProperty(a => a.LockoutCause, cause), ct);
        if (rows == 0)
        {
            return false;
        }

        var links = site.Value;
        var model = new LockoutNoticeMail(
            account.Affiliate.FullName,
            now,
            links.Link("/desbloquear/virtual"),
            links.Link("/desbloquear#videollamada"),
            links.Link("/desbloquear#presencial"));
        var queued = mail.Add(model, account.Email, account.Affiliate.FullName, account.Culture, account.Id);
        audit.Record(AuditActors.System, null, AuditActions.AccountLocked, account.Id, cause.ToString());
        db.LockoutLedger.Add(new LockoutEntry { AccountId = account.Id, Change = LockoutChange.Locked, Cause = cause.ToString(), At = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mail.Dispatch(queued);
        return true;
    }
}
