using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.RobotCheck;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock;

public sealed record LockedAccountProofResult(Guid? AccountId, DateOnly BirthDate, string? Field, string? Error, bool Throttled = false)
{
    public static LockedAccountProofResult Fail(string field, string error) => new(null, default, field, error);
}

/// <summary>
/// A locked-out affiliate cannot sign in, so the video-call ways ask ID + birth date + a robot check instead.
/// Until the birth date matches, an unknown and a known ID get the same answer; attempts are limited per ID
/// (and, through the page's rate limiter, per IP).
/// </summary>
public sealed class LockedAccountProof(IessClaveDbContext db, AltchaService robotCheck, IdentityAttemptLimiter limiter)
{
    /// <param name="purpose">Separates the per-ID attempt budgets of the different ways (queue, booking).</param>
    public async Task<LockedAccountProofResult> ProveAsync(string? identification, DateOnly? birthDate, string? robotProof, string purpose, CancellationToken ct)
    {
        var parsed = IdentificationParser.Parse(identification);
        if (!parsed.IsValid)
        {
            return LockedAccountProofResult.Fail("identification", parsed.Error!);
        }

        if (birthDate is null)
        {
            return LockedAccountProofResult.Fail("birthDate", RegistrationErrors.BirthDateRequired);
        }

        if (!robotCheck.Verify(robotProof))
        {
            return LockedAccountProofResult.Fail("robotProof", RegistrationErrors.RobotCheck);
        }

        var id = parsed.Identification!.Value;
        if (!limiter.TryAcquire(purpose, id))
        {
            return new LockedAccountProofResult(null, default, null, RegistrationErrors.TooManyAttempts, Throttled: true);
        }

        var match = await db.Accounts.AsNoTracking().Where(a => a.Affiliate.Identification == id)
            .Select(a => new { a.Id, a.Affiliate.BirthDate, a.Status, a.LockedAt }).SingleOrDefaultAsync(ct);
        if (match is null || match.BirthDate != birthDate)
        {
            return LockedAccountProofResult.Fail("birthDate", QueueErrors.NoMatch);
        }

        if (match.Status != AccountStatus.Active || match.LockedAt is null)
        {
            return LockedAccountProofResult.Fail("identification", match.Status == AccountStatus.Active ? QueueErrors.NotLocked : QueueErrors.NoClave);
        }

        return new LockedAccountProofResult(match.Id, match.BirthDate, null, null);
    }
}
