using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web.Features.SignIn;

public sealed record SignInRequest(string? Identification, string? Clave);

public sealed record SignedIn(string FullName);

public static class SignInEndpoints
{
    public static RouteGroupBuilder MapSignInApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Ingreso");
        sessions.MapPost("/", SignInAsync).RequireRateLimiting(RateLimits.IdentityForms).WithSummary("Ingresa con identificación y clave");
        sessions.MapDelete("/", async (AffiliateSession session) =>
        {
            await session.SignOutAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Cierra la sesión");
        api.MapGet("/me", MeAsync).RequireAuthorization().WithTags("Ingreso").WithSummary("Datos de la cuenta de quien ingresó");
        api.MapGet("/me/cases", MyCasesAsync).RequireAuthorization().WithTags("Ingreso")
            .WithSummary("Los trámites de desbloqueo de quien ingresó: fecha, canales y resultado (sin agentes ni motivos internos)");
        return sessions;
    }

    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, SignInHandler handler, AffiliateSession session, Microsoft.Extensions.Options.IOptions<ClaveOptions> options, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request.Identification, request.Clave, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                await session.SignInAsync(result.AccountId!.Value, result.FullName!);
                return TypedResults.Ok(new SignedIn(result.FullName!));
            case SignInOutcome.Locked:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status423Locked,
                    type: "https://www.rfc-editor.org/rfc/rfc4918#section-11.3",
                    title: SignInMessages.LockedTitle,
                    detail: SignInMessages.LockedDetail,
                    extensions: new Dictionary<string, object?> { ["unlockOptions"] = new[] { "virtual", "videollamada", "presencial" } });
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: SignInMessages.Failed(options.Value.MaxFailedSignIns));
        }
    }

    private static async Task<Results<Ok<MyAccountView>, UnauthorizedHttpResult>> MeAsync(
        System.Security.Claims.ClaimsPrincipal user, MyAccountQuery query, CancellationToken ct)
    {
        var view = AffiliateSession.AccountId(user) is { } id ? await query.FindAsync(id, ct) : null;
        return view is null ? TypedResults.Unauthorized() : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<IReadOnlyList<Unlock.Verification.AffiliateCase>>, UnauthorizedHttpResult>> MyCasesAsync(
        System.Security.Claims.ClaimsPrincipal user, Unlock.Verification.CaseHistory history, CancellationToken ct) =>
        AffiliateSession.AccountId(user) is { } id ? TypedResults.Ok(await history.ForAffiliateAsync(id, ct)) : TypedResults.Unauthorized();
}

public static class SignInMessages
{
    public static string Failed(int maxFailures) =>
        $"Identificación o clave incorrecta. Después de {maxFailures} intentos fallidos seguidos la clave se bloquea.";
    public const string LockedTitle = "Tu clave está bloqueada.";
    public const string LockedDetail = "Por seguridad, tu clave se bloqueó tras varios intentos fallidos. Puedes desbloquearla de forma virtual, por videollamada con un agente o en persona en una ventanilla del IESS.";
}

public sealed record MyAccountView(string FullName, string MaskedEmail, string MaskedIdentification, DateTimeOffset? LastSignInAt);

public sealed class MyAccountQuery(Infrastructure.Data.IessClaveDbContext db)
{
    public async Task<MyAccountView?> FindAsync(Guid accountId, CancellationToken ct)
    {
        var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Accounts.Where(a => a.Id == accountId).Select(a => new { a.Affiliate.FullName, a.Email, a.Affiliate.Identification, a.LastSignInAt }), ct);
        return row is null
            ? null
            : new MyAccountView(row.FullName, ContactData.MaskEmail(row.Email), MaskId(row.Identification), row.LastSignInAt);
    }

    private static string MaskId(string id) => id.Length <= 4 ? id : new string('*', id.Length - 4) + id[^4..];
}
