using System.Globalization;
using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>The proof as the API takes it: birth date as yyyy-MM-dd, the question's id from GET /registrations/options.</summary>
public sealed record SelfServiceRequest(string? Identification, string? BirthDate, int SecurityQuestionId, string? SecurityAnswer, string? RobotProof);

public sealed record SelfServiceLinkResponse(SecurityImage SecurityImage, DateTimeOffset ExpiresAt, bool Unlocks);

/// <summary>What the virtual-unlock and forgotten-clave APIs share: reading the proof, and the two link endpoints.</summary>
public static class SelfServiceApi
{
    /// <summary>Null when the birth date was given but is not a date (an empty one is the handler's "required").</summary>
    public static ProofInput? Read(SelfServiceRequest request)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(request.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return birthDate is null && !string.IsNullOrEmpty(request.BirthDate)
            ? null
            : new ProofInput(request.Identification, birthDate, request.SecurityQuestionId, request.SecurityAnswer, request.RobotProof);
    }

    /// <summary>POST {group}/link/inspect and POST {group}/link for one purpose; tokens only in bodies.</summary>
    public static void MapLinkEndpoints(RouteGroupBuilder group, TokenPurpose purpose, string what)
    {
        group.MapPost("/link/inspect", (TokenRequest request, SelfServiceLinkHandler handler, CancellationToken ct) => InspectAsync(request, purpose, handler, ct))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .WithName($"{purpose}LinkInspect").WithSummary($"Estado del enlace de {what} y la imagen de seguridad elegida");
        group.MapPost("/link", (ActivateRequest request, SelfServiceLinkHandler handler, CancellationToken ct) => CompleteAsync(request, purpose, handler, ct))
            .RequireRateLimiting(RateLimits.IdentityForms)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName($"{purpose}LinkComplete").WithSummary($"Fija la nueva clave con el enlace de {what} (una sola vez)");
    }

    private static async Task<Results<Ok<SelfServiceLinkResponse>, ProblemHttpResult>> InspectAsync(
        TokenRequest request, TokenPurpose purpose, SelfServiceLinkHandler handler, CancellationToken ct)
    {
        var view = await handler.ViewAsync(request.Token, purpose, ct);
        return view.Status == LinkStatus.Valid
            ? TypedResults.Ok(new SelfServiceLinkResponse(view.Image!, view.ExpiresAt!.Value, view.Unlocks))
            : Problems.Link(view.Status);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        ActivateRequest request, TokenPurpose purpose, SelfServiceLinkHandler handler, CancellationToken ct)
    {
        var result = await handler.CompleteAsync(request.Token, purpose, request.Clave, request.ClaveConfirmation, ct);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return result.Status == LinkStatus.Valid
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clave"] = [.. result.Errors] }, title: "La clave no cumple las reglas.")
            : Problems.Link(result.Status);
    }
}
