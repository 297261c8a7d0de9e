using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.SignIn;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    Locked,
}

public sealed record SignInResult(SignInOutcome Outcome, Guid? AccountId = null, string? FullName = null);

/// <summary>
/// ID + clave. A locked account is refused before any hash is computed; an unknown ID costs one decoy hash,
/// as much as a wrong clave, and is locked-looking after the same number of failures, so the answers never
/// tell whether an ID has an account.
/// </summary>
public sealed class SignInHandler(
    IessClaveDbContext db,
    SecretHasher hasher,
    UnknownIdentityFailures unknownFailures,
    LockoutNotifier lockoutNotifier,
    AuditLog audit,
    IOptions<ClaveOptions> options,
    TimeProvider time)
{
    public async Task<SignInResult> HandleAsync(string? identification, string? clave, CancellationToken ct)
    {
        var parsed = IdentificationParser.Parse(identification);
        if (!parsed.IsValid || string.IsNullOrEmpty(clave) || clave.Length > ClavePolicy.MaxLength)
        {
            return new SignInResult(SignInOutcome.Failed);
        }

        var id = parsed.Identification!.Value;
        var account = await db.Accounts.Include(a => a.Affiliate)
            .SingleOrDefaultAsync(a => a.Affiliate.Identification == id && a.Status == AccountStatus.Active, ct);
        if (account is null)
        {
            if (unknownFailures.LooksLocked(id))
            {
                return new SignInResult(SignInOutcome.Locked);
            }

            hasher.VerifyDecoy(clave);
            return new SignInResult(unknownFailures.RecordFailure(id) ? SignInOutcome.Locked : SignInOutcome.Failed);
        }

        if (account.IsLocked && !AutoUnlocked(account))
        {
            return new SignInResult(SignInOutcome.Locked, account.Id);
        }

        if (!hasher.Verify(account.PasswordHash!, clave))
        {
            return await RecordFailureAsync(account, ct);
        }

        account.FailedSignInCount = 0;
        account.LockedAt = null;
        account.LockoutCause = null;
        account.LastSignInAt = time.GetUtcNow();
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.SignInSucceeded, account.Id);
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.Succeeded, account.Id, account.Affiliate.FullName);
    }

    private bool AutoUnlocked(ClaveAccount account) =>
        options.Value.AutoUnlockAfter is { } after && time.GetUtcNow() - account.LockedAt >= after;

    private async Task<SignInResult> RecordFailureAsync(ClaveAccount account, CancellationToken ct)
    {
        // Counted in one statement so that parallel wrong attempts cannot be lost.
        await db.Accounts.Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignInCount, a => a.FailedSignInCount + 1), ct);
        var failures = await db.Accounts.Where(a => a.Id == account.Id).Select(a => a.FailedSignInCount).SingleAsync(ct);
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.SignInFailed, account.Id, $"consecutive={failures}");
        await db.SaveChangesAsync(ct);
        if (failures < options.Value.MaxFailedSignIns)
        {
            return new SignInResult(SignInOutcome.Failed, account.Id);
        }

        await lockoutNotifier.LockAsync(account, LockoutCause.TooManyFailedSignIns, ct);
        return new SignInResult(SignInOutcome.Locked, account.Id);
    }
}
