using System.Globalization;
using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

public sealed record BookRequest(string? Identification, string? BirthDate, string? RobotProof, long? Slot, string? Agency);

public sealed record CancelBookingRequest(string? Token);

public sealed record SlotView(long Slot, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Left);

public sealed record AgencyView(string Id, string Name, string Address);

/// <summary>A booking as its owner sees it; <see cref="ManageToken"/> only in the answer that created it.</summary>
public sealed record BookingView(Guid Id, string Kind, string? Agency, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? ManageToken = null)
{
    public static BookingView Of(CallBooking b, string? token = null) =>
        new(b.Id, b.Kind.ToString(), b.AgencyId, b.Status.ToString(), b.StartsAt, b.EndsAt, token);
}

public static class BookingEndpoints
{
    public static RouteGroupBuilder MapBookingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/bookings").WithTags("Citas");
        group.MapGet("/agencies", Agencies).WithSummary("Agencias cuyas ventanillas aceptan citas");
        group.MapGet("/slots", SlotsAsync).WithSummary("Horarios libres (hora UTC) de la videollamada o de una agencia (?agency=), por día (?day=yyyy-MM-dd, hora de Ecuador)");
        group.MapPost("/", BookAsync).RequireRateLimiting(RateLimits.IdentityForms)
            .WithSummary("Agenda una videollamada o una cita en ventanilla: identificación, fecha de nacimiento, robot y horario; devuelve el token del enlace de gestión");
        group.MapPost("/cancel", CancelAsync).RequireRateLimiting(RateLimits.IdentityForms)
            .WithSummary("Cancela la cita del token de gestión, hasta la hora de inicio");
        return group;
    }

    private static Ok<AgencyView[]> Agencies(IOptions<BookingOptions> options) =>
        TypedResults.Ok(options.Value.Agencies.Select(a => new AgencyView(a.Id, a.Name, a.Address)).ToArray());

    private static async Task<Results<Ok<SlotView[]>, ValidationProblem>> SlotsAsync(string? agency, string? day, SlotPicker picker, IOptions<BookingOptions> options, CancellationToken ct)
    {
        if (agency is not null && options.Value.Agency(agency) is null)
        {
            return Problems.Validation("agency", "Esa agencia no existe.");
        }

        if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Problems.Validation("day", "Escribe el día como aaaa-mm-dd.");
        }

        var slots = (await picker.AllAsync(agency, ct))
            .Where(c => c.Left > 0 && (day is null || c.Slot.LocalDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == day))
            .Select(c => new SlotView(c.Slot.Key, c.Slot.StartsAt, c.Slot.EndsAt, c.Left));
        return TypedResults.Ok(slots.ToArray());
    }

    private static async Task<Results<Created<BookingView>, ValidationProblem, ProblemHttpResult>> BookAsync(
        BookRequest request, LockedAccountProof proof, BookingService bookings, IOptions<BookingOptions> options, CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(request.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (birthDate is null && !string.IsNullOrEmpty(request.BirthDate))
        {
            return Problems.Validation("birthDate", RegistrationErrors.BirthDateInvalid);
        }

        if (request.Agency is not null && options.Value.Agency(request.Agency) is null)
        {
            return Problems.Validation("agency", "Esa agencia no existe.");
        }

        if (request.Slot is not { } slot)
        {
            return Problems.Validation("slot", BookingMessages.ChooseTime);
        }

        var proven = await proof.ProveAsync(request.Identification, birthDate, request.RobotProof, "booking", ct);
        if (proven.Throttled)
        {
            return Problems.TooManyRequests();
        }

        if (proven.AccountId is not { } accountId)
        {
            return Problems.Validation(proven.Field!, proven.Error!);
        }

        var result = await bookings.BookAsync(accountId, slot, ct, request.Agency);
        return result switch
        {
            { Outcome: BookingOutcome.Booked, Booking: { } b, ManageToken: var token } => TypedResults.Created((string?)null, BookingView.Of(b, token)),
            { Outcome: BookingOutcome.SlotNotOffered } => Problems.Validation("slot", BookingMessages.SlotNotOffered),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No se pudo agendar.", detail: BookingMessages.For(result.Outcome)),
        };
    }

    private static async Task<Results<Ok<BookingView>, ProblemHttpResult>> CancelAsync(CancelBookingRequest request, BookingService bookings, CancellationToken ct)
    {
        if (await bookings.FindByTokenAsync(request.Token, ct) is not { } booking)
        {
            return Problems.Link(LinkStatus.Invalid);
        }

        var result = await bookings.CancelAsync(booking, ct);
        return result.Outcome == BookingOutcome.Cancelled
            ? TypedResults.Ok(BookingView.Of(result.Booking!))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No se pudo cancelar.", detail: BookingMessages.TooLate);
    }
}
