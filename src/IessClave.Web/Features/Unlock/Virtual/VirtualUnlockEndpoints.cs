using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Virtual;

public sealed record VirtualUnlockAccepted(string MaskedEmail, bool Unlocks);

public static class VirtualUnlockEndpoints
{
    public static RouteGroupBuilder MapVirtualUnlockApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/unlock/virtual").WithTags("Desbloqueo virtual");
        group.MapPost("/", RequestAsync).RequireRateLimiting(RateLimits.IdentityForms)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Prueba la identidad (identificación, fecha de nacimiento, pregunta y respuesta de seguridad) y envía el enlace de desbloqueo");
        SelfServiceApi.MapLinkEndpoints(group, TokenPurpose.VirtualUnlock, "desbloqueo");
        return group;
    }

    private static async Task<Results<Accepted<VirtualUnlockAccepted>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        SelfServiceRequest request, SelfServiceProofHandler handler, IOptions<VirtualUnlockOptions> options, CancellationToken ct)
    {
        if (SelfServiceApi.Read(request) is not { } input)
        {
            return Problems.Validation("birthDate", RegistrationErrors.BirthDateInvalid);
        }

        var result = await handler.HandleAsync(SelfServiceWay.Virtual, input, ct);
        return result.Outcome switch
        {
            ProofOutcome.LinkSent => TypedResults.Accepted((string?)null, new VirtualUnlockAccepted(result.MaskedEmail!, result.Unlocks)),
            ProofOutcome.Throttled => Problems.TooManyRequests(),
            ProofOutcome.NoMatch => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: SelfServiceTexts.NoMatchTitle, detail: SelfServiceTexts.NoMatch(result.AttemptsLeft),
                extensions: new Dictionary<string, object?> { ["attemptsLeft"] = result.AttemptsLeft }),
            ProofOutcome.Closed => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: SelfServiceTexts.ClosedTitle, detail: SelfServiceTexts.Closed(options.Value.MaxFailedAnswers),
                extensions: new Dictionary<string, object?> { ["unlockOptions"] = new[] { "videollamada", "presencial" } }),
            _ => Problems.Validation(result.Field!, result.Error!),
        };
    }
}
