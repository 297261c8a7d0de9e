using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Virtual;

public sealed record SelfServiceLinkView(LinkStatus Status, SecurityImage? Image = null, DateTimeOffset? ExpiresAt = null, bool Unlocks = false);

public sealed record SelfServiceLinkResult(bool Succeeded, LinkStatus Status, IReadOnlyList<string> Errors, bool Unlocked = false);

/// <summary>
/// The mailed self-service link: shows the security image, then sets the new clave once, before expiry. A locked
/// account is unlocked in the same transaction (every counter reset, the ledger written, the case closed as a
/// virtual unlock), and a "your clave was changed" mail goes to the owner.
/// </summary>
public sealed class SelfServiceLinkHandler(
    IessClaveDbContext db,
    TokenIssuer tokens,
    ClavePolicy policy,
    SecretHasher hasher,
    AccountUnlocker unlocker,
    SelfServiceLinkSender sender,
    MailQueue mail,
    AuditLog audit,
    IOptions<SiteOptions> site,
    TimeProvider time)
{
    public async Task<SelfServiceLinkView> ViewAsync(string? rawToken, TokenPurpose purpose, CancellationToken ct)
    {
        var token = await tokens.FindAsync(rawToken, purpose, ct);
        var status = StatusOf(token);
        return status == LinkStatus.Valid
            ? new SelfServiceLinkView(status, SecurityGallery.FindImage(token!.Account.SecurityImageId), token.ExpiresAt, token.Account.IsLocked)
            : new SelfServiceLinkView(status);
    }

    public async Task<SelfServiceLinkResult> CompleteAsync(string? rawToken, TokenPurpose purpose, string? clave, string? confirmation, CancellationToken ct)
    {
        var token = await tokens.FindAsync(rawToken, purpose, ct);
        var status = StatusOf(token);
        if (status != LinkStatus.Valid)
        {
            return new SelfServiceLinkResult(false, status, []);
        }

        var account = token!.Account;
        var errors = policy.Check(clave, account.Affiliate.Identification, account.Affiliate.BirthDate).ToList();
        if (errors.Count == 0 && clave != confirmation)
        {
            errors.Add("Las dos claves no coinciden.");
        }

        if (errors.Count > 0)
        {
            return new SelfServiceLinkResult(false, status, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await tokens.TryConsumeAsync(token, ct))
        {
            return new SelfServiceLinkResult(false, LinkStatus.Used, []);
        }

        var now = time.GetUtcNow();
        account.PasswordHash = hasher.Hash(clave!);
        account.FailedSignInCount = 0;
        var unlocked = account.IsLocked;
        Guid? caseId = unlocked ? await UnlockAsync(account, now, ct) : null;
        await sender.RevokeAsync(account.Id, ct);
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.ClaveReplaced, account.Id, $"purpose={purpose}", caseId);
        var queued = mail.Add(
            new ClaveChangedMail(account.Affiliate.FullName, now, unlocked, site.Value.Link("/desbloquear")),
            account.Email, account.Affiliate.FullName, account.Culture, account.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mail.Dispatch(queued);
        return new SelfServiceLinkResult(true, LinkStatus.Valid, [], unlocked);
    }

    // The case that holds the affiliate's proof (or a new one if an agent closed it meanwhile) ends as a virtual unlock.
    private async Task<Guid> UnlockAsync(ClaveAccount account, DateTimeOffset now, CancellationToken ct)
    {
        var unlockCase = await db.Cases.SingleOrDefaultAsync(c => c.AccountId == account.Id && UnlockCase.OpenStatuses.Contains(c.Status), ct);
        if (unlockCase is null)
        {
            unlockCase = new UnlockCase { Id = Guid.NewGuid(), AccountId = account.Id, Status = CaseStatus.Open, OpenedAt = now };
            db.Cases.Add(unlockCase);
            db.CaseChecks.Add(new CaseCheck { CaseId = unlockCase.Id, Kind = CheckKind.BirthDate, Passed = true, Channel = CaseChannel.Virtual, At = now });
            db.CaseChecks.Add(new CaseCheck { CaseId = unlockCase.Id, Kind = CheckKind.SecurityAnswer, Passed = true, Channel = CaseChannel.Virtual, At = now });
        }

        unlockCase.Channel = CaseChannel.Virtual;
        await unlocker.ResetLockoutAsync(account, unlockCase, agentId: null, ct);
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.CaseUnlocked, account.Id, "virtual", unlockCase.Id);
        return unlockCase.Id;
    }

    private LinkStatus StatusOf(AccountToken? token) => token?.StateAt(time.GetUtcNow()) switch
    {
        null => LinkStatus.Invalid,
        TokenState.Valid => LinkStatus.Valid,
        TokenState.Expired or TokenState.Revoked => LinkStatus.Expired,
        _ => LinkStatus.Used,
    };
}
