using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Registration;

public sealed record IdentityStepInput(DateOnly? BirthDate, int SecurityImageId, int SecurityQuestionId, string? SecurityAnswer);

/// <summary>
/// Step 2: the birth date must match the registry. An unknown ID and a wrong date run the same query and get
/// the same answer; only after a match may the answer depend on the account (already active).
/// </summary>
public sealed class VerifyIdentityHandler(
    IessClaveDbContext db, RegistrationDraftCodec drafts, IdentityAttemptLimiter limiter, TimeProvider time)
{
    public async Task<StepResult> HandleAsync(string? draftValue, IdentityStepInput input, CancellationToken ct)
    {
        var draft = drafts.Decode(draftValue);
        if (draft is null)
        {
            return StepResult.Fail("draft", RegistrationErrors.FormExpired);
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (!limiter.TryAcquire("registration", draft.Identification))
        {
            return StepResult.Throttled();
        }

        var match = await db.Affiliates
            .Where(a => a.Identification == draft.Identification)
            .Select(a => new { a.BirthDate, HasActiveClave = db.Accounts.Any(c => c.AffiliateId == a.Id && c.Status == Domain.AccountStatus.Active) })
            .SingleOrDefaultAsync(ct);
        if (match is null || match.BirthDate != input.BirthDate)
        {
            return StepResult.Fail(nameof(input.BirthDate), RegistrationErrors.NoMatch);
        }

        if (match.HasActiveClave)
        {
            return StepResult.Fail("identification", RegistrationErrors.AlreadyActive);
        }

        return StepResult.Ok(drafts.Encode(draft with
        {
            IdentityVerified = true,
            SecurityImageId = input.SecurityImageId,
            SecurityQuestionId = input.SecurityQuestionId,
            SecurityAnswer = input.SecurityAnswer!.Trim(),
        }));
    }

    private StepResult? Validate(IdentityStepInput input)
    {
        var today = EcuadorTime.Today(time);
        return input.BirthDate switch
        {
            null => StepResult.Fail(nameof(input.BirthDate), RegistrationErrors.BirthDateRequired),
            { } d when d > today => StepResult.Fail(nameof(input.BirthDate), RegistrationErrors.BirthDateFuture),
            { Year: < 1900 } => StepResult.Fail(nameof(input.BirthDate), RegistrationErrors.BirthDateTooOld),
            _ when SecurityGallery.FindImage(input.SecurityImageId) is null => StepResult.Fail(nameof(input.SecurityImageId), RegistrationErrors.ImageRequired),
            _ when SecurityGallery.FindQuestion(input.SecurityQuestionId) is null => StepResult.Fail(nameof(input.SecurityQuestionId), RegistrationErrors.QuestionRequired),
            _ when input.SecurityAnswer?.Trim() is not { Length: >= 2 and <= 100 } => StepResult.Fail(nameof(input.SecurityAnswer), RegistrationErrors.AnswerLength),
            _ => null,
        };
    }
}
