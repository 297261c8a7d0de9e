using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web.Features.Registration;

public sealed record TokenRequest(string? Token);

public sealed record ActivateRequest(string? Token, string? Clave, string? ClaveConfirmation);

public sealed record ActivationLinkResponse(SecurityImage SecurityImage, DateTimeOffset ExpiresAt);

public sealed record ResendResponse(string MaskedEmail);

/// <summary>Tokens travel in request bodies, never in API paths or query strings, so they stay out of access logs.</summary>
public static class ActivationEndpoints
{
    public static RouteGroupBuilder MapActivationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activations").WithTags("Activación de clave");
        group.MapPost("/inspect", InspectAsync).WithSummary("Estado de un enlace de activación y la imagen de seguridad elegida");
        group.MapPost("/", ActivateAsync).WithSummary("Fija la clave con un enlace de activación válido (una sola vez)");
        group.MapPost("/resend", ResendAsync).RequireRateLimiting(RateLimits.IdentityForms).WithSummary("Envía un enlace nuevo a partir de uno caducado o usado");
        return group;
    }

    private static async Task<Results<Ok<ActivationLinkResponse>, ProblemHttpResult>> InspectAsync(TokenRequest request, ActivationHandler handler, CancellationToken ct)
    {
        var view = await handler.ViewAsync(request.Token, ct);
        return view.Status == LinkStatus.Valid
            ? TypedResults.Ok(new ActivationLinkResponse(view.Image!, view.ExpiresAt!.Value))
            : Problems.Link(view.Status);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ActivateAsync(ActivateRequest request, ActivationHandler handler, CancellationToken ct)
    {
        var result = await handler.ActivateAsync(request.Token, request.Clave, request.ClaveConfirmation, ct);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return result.Status == LinkStatus.Valid
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clave"] = [.. result.Errors] }, title: "La clave no cumple las reglas.")
            : Problems.Link(result.Status);
    }

    private static async Task<Results<Accepted<ResendResponse>, ProblemHttpResult>> ResendAsync(TokenRequest request, ResendActivationHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request.Token, ct);
        return result.Outcome switch
        {
            ResendOutcome.Sent => TypedResults.Accepted((string?)null, new ResendResponse(result.MaskedEmail!)),
            ResendOutcome.TooSoon => Problems.TooManyRequests("Ya te enviamos un enlace hace menos de un minuto. Revisa tu correo."),
            ResendOutcome.AlreadyActive => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tu clave ya está activa. Ingresa con ella."),
            _ => Problems.Link(LinkStatus.Invalid),
        };
    }
}
