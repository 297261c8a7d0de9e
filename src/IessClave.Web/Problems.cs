using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web;

/// <summary>RFC 7807 answers of the API, with Spanish titles for the person behind the client.</summary>
public static class Problems
{
    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [JsonName(field)] = [message] },
            title: "Revisa los datos ingresados.",
            detail: message);

    public static ProblemHttpResult TooManyRequests(string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Demasiados intentos.", detail: detail ?? RegistrationErrors.TooManyAttempts);

    public static ProblemHttpResult Link(LinkStatus status) => status switch
    {
        LinkStatus.Expired => TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "El enlace caducó.", detail: "El tiempo de validez del enlace terminó. Pide uno nuevo."),
        LinkStatus.Used => TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "El enlace ya fue usado.", detail: "Cada enlace se puede usar una sola vez."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "El enlace no es válido.", detail: "Revisa que hayas copiado el enlace completo del correo."),
    };

    private static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
