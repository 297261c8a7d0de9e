using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Virtual;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Recovery;

public sealed record RecoveryAccepted(string Message);

public static class RecoveryEndpoints
{
    public static RouteGroupBuilder MapRecoveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/recovery").WithTags("Recuperar clave");
        group.MapPost("/", RequestAsync).RequireRateLimiting(RateLimits.IdentityForms).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Clave olvidada: la misma prueba de identidad; si coincide, envía un enlace. La respuesta es la misma coincidan o no los datos");
        SelfServiceApi.MapLinkEndpoints(group, TokenPurpose.Recovery, "recuperación");
        return group;
    }

    private static async Task<Results<Accepted<RecoveryAccepted>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        SelfServiceRequest request, SelfServiceProofHandler handler, IOptions<ClaveOptions> clave, CancellationToken ct)
    {
        if (SelfServiceApi.Read(request) is not { } input)
        {
            return Problems.Validation("birthDate", RegistrationErrors.BirthDateInvalid);
        }

        var result = await handler.HandleAsync(SelfServiceWay.Recovery, input, ct);
        return result.Outcome switch
        {
            ProofOutcome.Invalid => Problems.Validation(result.Field!, result.Error!),
            ProofOutcome.Throttled => Problems.TooManyRequests(),
            // A match, a mismatch, an unknown ID and a closed way all get this same answer.
            _ => TypedResults.Accepted((string?)null, new RecoveryAccepted(SelfServiceTexts.RecoverySent(clave.Value.LinkLifetime))),
        };
    }
}
