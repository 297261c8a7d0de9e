using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.RobotCheck;

namespace IessClave.Web.Features.Registration;

/// <summary>Step 1: identification + robot check. It touches no data, so it says nothing about whether the ID exists.</summary>
public sealed class StartRegistrationHandler(AltchaService robotCheck, RegistrationDraftCodec drafts, TimeProvider time)
{
    public StepResult Handle(string? identification, string? robotProof, bool acceptedTerms)
    {
        var parsed = IdentificationParser.Parse(identification);
        if (!parsed.IsValid)
        {
            return StepResult.Fail(nameof(identification), parsed.Error!);
        }

        if (!acceptedTerms)
        {
            return StepResult.Fail(nameof(acceptedTerms), RegistrationErrors.ConsentRequired);
        }

        if (!robotCheck.Verify(robotProof))
        {
            return StepResult.Fail(nameof(robotProof), RegistrationErrors.RobotCheck);
        }

        var id = parsed.Identification!;
        return StepResult.Ok(drafts.Encode(new RegistrationDraft(id.Value, id.Kind, time.GetUtcNow())));
    }
}

public sealed record StepResult(string? Draft, string? Field, string? Error, bool TooManyAttempts = false)
{
    public bool Succeeded => Error is null;

    public static StepResult Ok(string draft) => new(draft, null, null);

    public static StepResult Fail(string field, string error) => new(null, field, error);

    public static StepResult Throttled() => new(null, null, RegistrationErrors.TooManyAttempts, true);
}
