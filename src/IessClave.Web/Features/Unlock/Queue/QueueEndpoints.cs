using System.Globalization;
using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web.Features.Unlock.Queue;

public sealed record JoinQueueRequest(string? Identification, string? BirthDate, string? RobotProof, bool DeclaresDisability);

public static class QueueEndpoints
{
    public static RouteGroupBuilder MapQueueApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/queue").WithTags("Fila de videollamada");
        group.MapPost("/tickets", JoinAsync).RequireRateLimiting(RateLimits.IdentityForms)
            .WithSummary("Toma un turno para desbloquear por videollamada (o devuelve el turno activo); entrega la cookie del turno");
        group.MapGet("/tickets/current", Current).RequireAuthorization(QueueAuth.Policy)
            .WithSummary("El turno de quien tiene la cookie: estado y posición");
        return group;
    }

    private static async Task<Results<Created<TicketSnapshot>, ValidationProblem, ProblemHttpResult>> JoinAsync(
        JoinQueueRequest request, JoinQueueHandler handler, TicketViews views, HttpContext http, CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(request.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (birthDate is null && !string.IsNullOrEmpty(request.BirthDate))
        {
            return Problems.Validation("birthDate", RegistrationErrors.BirthDateInvalid);
        }

        var result = await handler.HandleAsync(new JoinQueueInput(request.Identification, birthDate, request.RobotProof, request.DeclaresDisability), ct);
        if (result.Throttled)
        {
            return Problems.TooManyRequests();
        }

        if (result.Ticket is not { } ticket)
        {
            return Problems.Validation(result.Field!, result.Error!);
        }

        await http.SignInAsync(QueueAuth.Scheme, QueueAuth.Principal(ticket.Id, ticket.AccountId));
        return TypedResults.Created("/api/v1/queue/tickets/current", await views.ForAsync(ticket, ct));
    }

    private static async Task<Ok<TicketSnapshot>> Current(HttpContext http, QueueTicketService tickets, TicketViews views, CancellationToken ct)
    {
        var (ticketId, accountId) = QueueAuth.Holder(http.User)!.Value;
        return TypedResults.Ok(await views.ForAsync(await tickets.FindAsync(ticketId, accountId, ct), ct));
    }
}
