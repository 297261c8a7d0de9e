using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.RobotCheck;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>Which form the proof came from; both share the proof, the counter and the link.</summary>
public enum SelfServiceWay
{
    Virtual = 1,
    Recovery = 2,
}

public sealed record ProofInput(string? Identification, DateOnly? BirthDate, int SecurityQuestionId, string? SecurityAnswer, string? RobotProof);

public enum ProofOutcome
{
    Invalid,
    Throttled,
    NoMatch,
    Closed,
    LinkSent,
}

public sealed record ProofResult(ProofOutcome Outcome, string? Field = null, string? Error = null, int AttemptsLeft = 0, string? MaskedEmail = null, bool Unlocks = false)
{
    public static ProofResult Invalid(string field, string error) => new(ProofOutcome.Invalid, field, error);
}

/// <summary>
/// ID + birth date + security question and answer + robot check, in one form. Nothing is shown or said before
/// the whole proof is checked, and every failure is the same failure: an unknown ID, a wrong date, question or
/// answer all cost one hash and count one failure against the identification (known or not), so the answers and
/// the closing after <see cref="VirtualUnlockOptions.MaxFailedAnswers"/> look the same for every ID.
/// </summary>
public sealed class SelfServiceProofHandler(
    IessClaveDbContext db,
    AltchaService robotCheck,
    IdentityAttemptLimiter limiter,
    SecretHasher hasher,
    SelfServiceCounters counters,
    SelfServiceLinkSender links,
    AuditLog audit,
    IOptions<VirtualUnlockOptions> options,
    TimeProvider time)
{
    public async Task<ProofResult> HandleAsync(SelfServiceWay way, ProofInput input, CancellationToken ct)
    {
        var parsed = IdentificationParser.Parse(input.Identification);
        if (!parsed.IsValid)
        {
            return ProofResult.Invalid("identification", parsed.Error!);
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var id = parsed.Identification!.Value;
        if (!limiter.TryAcquire("self-service", id))
        {
            return await RefuseAsync(way, null, "throttled", ProofOutcome.Throttled, ct);
        }

        var account = await db.Accounts.Include(a => a.Affiliate)
            .SingleOrDefaultAsync(a => a.Affiliate.Identification == id && a.Status == AccountStatus.Active, ct);
        var max = options.Value.MaxFailedAnswers;
        if (await counters.FailuresAsync(id, ct) >= max)
        {
            return await RefuseAsync(way, account?.Id, "closed", ProofOutcome.Closed, ct);
        }

        if (Matches(account, input))
        {
            return await links.SendAsync(way, account!, ct);
        }

        var failures = await counters.RecordFailureAsync(id, ct);
        audit.Record(AuditActors.Affiliate, account?.Id.ToString(), AuditActions.SelfServiceProofFailed, account?.Id, $"way={way};failures={failures}");
        if (failures >= max)
        {
            audit.Record(AuditActors.System, null, AuditActions.SelfServiceClosed, account?.Id, $"way={way}");
        }

        await db.SaveChangesAsync(ct);
        return failures >= max
            ? new ProofResult(ProofOutcome.Closed)
            : new ProofResult(ProofOutcome.NoMatch, AttemptsLeft: max - failures);
    }

    // Exactly one hash whatever the input, and no short-circuit that would tell which part was wrong.
    private bool Matches(ClaveAccount? account, ProofInput input)
    {
        if (account is null)
        {
            hasher.VerifyDecoy(SecretHasher.NormalizeAnswer(input.SecurityAnswer!));
            return false;
        }

        var answer = hasher.VerifyAnswer(account.SecurityAnswerHash, input.SecurityAnswer!);
        return answer & account.Affiliate.BirthDate == input.BirthDate & account.SecurityQuestionId == input.SecurityQuestionId;
    }

    private async Task<ProofResult> RefuseAsync(SelfServiceWay way, Guid? accountId, string reason, ProofOutcome outcome, CancellationToken ct)
    {
        audit.Record(AuditActors.Affiliate, accountId?.ToString(), AuditActions.SelfServiceRefused, accountId, $"way={way};reason={reason}");
        await db.SaveChangesAsync(ct);
        return new ProofResult(outcome);
    }

    private ProofResult? Validate(ProofInput input)
    {
        var today = EcuadorTime.Today(time);
        return input switch
        {
            { BirthDate: null } => ProofResult.Invalid("birthDate", RegistrationErrors.BirthDateRequired),
            { BirthDate: { } d } when d > today => ProofResult.Invalid("birthDate", RegistrationErrors.BirthDateFuture),
            { BirthDate.Year: < 1900 } => ProofResult.Invalid("birthDate", RegistrationErrors.BirthDateTooOld),
            _ when SecurityGallery.FindQuestion(input.SecurityQuestionId) is null => ProofResult.Invalid("securityQuestionId", RegistrationErrors.QuestionRequired),
            { SecurityAnswer: null } => ProofResult.Invalid("securityAnswer", SelfServiceTexts.AnswerRequired),
            _ when input.SecurityAnswer!.Trim().Length == 0 => ProofResult.Invalid("securityAnswer", SelfServiceTexts.AnswerRequired),
            _ when input.SecurityAnswer!.Length > 100 => ProofResult.Invalid("securityAnswer", SelfServiceTexts.AnswerTooLong),
            _ when !robotCheck.Verify(input.RobotProof) => ProofResult.Invalid("robotProof", RegistrationErrors.RobotCheck),
            _ => null,
        };
    }
}
