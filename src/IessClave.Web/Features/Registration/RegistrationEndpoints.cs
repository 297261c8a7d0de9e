using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web.Features.Registration;

public sealed record RegistrationRequest(
    string? Identification,
    string? RobotProof,
    bool AcceptedTerms,
    string? BirthDate,
    int SecurityImageId,
    int SecurityQuestionId,
    string? SecurityAnswer,
    string? MobilePhone,
    string? Email,
    string? EmailConfirmation,
    string? Culture);

public sealed record RegistrationAccepted(string MaskedEmail, int LinkValidMinutes);

public sealed record RegistrationOptionsResponse(IReadOnlyList<SecurityImage> Images, IReadOnlyList<SecurityQuestion> Questions);

public static class RegistrationEndpoints
{
    public static RouteGroupBuilder MapRegistrationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/registrations").WithTags("Registro de clave");
        group.MapGet("/options", () => TypedResults.Ok(new RegistrationOptionsResponse(SecurityGallery.Images, SecurityGallery.Questions)))
            .WithSummary("Imágenes y preguntas de seguridad disponibles");
        group.MapPost("/", RegisterAsync).RequireRateLimiting(RateLimits.IdentityForms)
            .WithSummary("Genera la clave: identificación, fecha de nacimiento, seguridad y contacto; envía el enlace de activación");
        api.MapActivationApi();
        return group;
    }

    private static async Task<Results<Accepted<RegistrationAccepted>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegistrationRequest request,
        StartRegistrationHandler start,
        VerifyIdentityHandler verify,
        SubmitRegistrationHandler submit,
        Microsoft.Extensions.Options.IOptions<ClaveOptions> options,
        CancellationToken ct)
    {
        var started = start.Handle(request.Identification, request.RobotProof, request.AcceptedTerms);
        if (!started.Succeeded)
        {
            return Problems.Validation(started.Field!, started.Error!);
        }

        DateOnly? birthDate = DateOnly.TryParseExact(request.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (birthDate is null && !string.IsNullOrEmpty(request.BirthDate))
        {
            return Problems.Validation(nameof(request.BirthDate), RegistrationErrors.BirthDateInvalid);
        }

        var verified = await verify.HandleAsync(started.Draft, new IdentityStepInput(birthDate, request.SecurityImageId, request.SecurityQuestionId, request.SecurityAnswer), ct);
        if (verified.TooManyAttempts)
        {
            return Problems.TooManyRequests();
        }

        if (!verified.Succeeded)
        {
            return Problems.Validation(verified.Field!, verified.Error!);
        }

        var culture = request.Culture == "en" ? "en" : "es";
        var submitted = await submit.HandleAsync(verified.Draft, new ContactStepInput(request.MobilePhone, request.Email, request.EmailConfirmation, culture), ct);
        return submitted.Succeeded
            ? TypedResults.Accepted((string?)null, new RegistrationAccepted(submitted.MaskedEmail!, (int)options.Value.LinkLifetime.TotalMinutes))
            : Problems.Validation(submitted.Field!, submitted.Error!);
    }
}
