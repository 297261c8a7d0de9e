using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Unlock.Booking;

public enum ManageState
{
    InvalidLink,
    Upcoming,
    OpenToEnter,

    /// <summary>A window appointment whose time has come: served in person, nothing to do on this page.</summary>
    WindowDue,
    Cancelled,
    Attended,
    Missed,
}

/// <summary>
/// /desbloquear/cita/gestionar?t=…: the booking's own link. Before the slot: cancel or move it. From the slot's
/// start until the arrival tolerance: enter the queue's priority lane. After: what became of it.
/// </summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class GestionarModel(BookingService bookings, BookingCheckIn checkIn, SlotPicker picker, Microsoft.Extensions.Options.IOptions<BookingOptions> options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty(SupportsGet = true, Name = "dia")] public string? Day { get; set; }
    [BindProperty] public long? Slot { get; set; }

    public CallBooking? Booking { get; private set; }
    public ManageState State { get; private set; }
    public SlotPickerView Picker { get; private set; } = new([], null, []);

    /// <summary>The agency of a window appointment; null for a video call.</summary>
    public AgencyOptions? Agency => options.Value.Agency(Booking?.AgencyId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostCancelarAsync(CancellationToken ct)
    {
        if (await bookings.FindByTokenAsync(Token, ct) is not { } booking)
        {
            return await ShowAsync(ct);
        }

        var result = await bookings.CancelAsync(booking, ct);
        if (result.Outcome == BookingOutcome.Cancelled)
        {
            TempData["BookingCancelled"] = true;
            return Redirect(Self());
        }

        ModelState.AddModelError("", BookingMessages.For(result.Outcome));
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCambiarAsync(CancellationToken ct)
    {
        if (await bookings.FindByTokenAsync(Token, ct) is not { } booking)
        {
            return await ShowAsync(ct);
        }

        if (Slot is not { } key)
        {
            ModelState.AddModelError("", BookingMessages.ChooseTime);
            return await ShowAsync(ct);
        }

        var result = await bookings.RescheduleAsync(booking, key, ct);
        if (result.Outcome == BookingOutcome.Rescheduled)
        {
            TempData["BookingMoved"] = true;
            return Redirect(Self());
        }

        ModelState.AddModelError("", BookingMessages.For(result.Outcome));
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostEntrarAsync(CancellationToken ct)
    {
        if (await bookings.FindByTokenAsync(Token, ct) is { Kind: BookingKind.VideoCall } booking && await checkIn.EnterAsync(booking.Id, ct) is { } ticket)
        {
            await HttpContext.SignInAsync(QueueAuth.Scheme, QueueAuth.Principal(ticket.Id, ticket.AccountId));
            return Redirect("/desbloquear/videollamada/turno");
        }

        ModelState.AddModelError("", "Todavía no puedes entrar: revisa la hora de tu cita.");
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Booking = await bookings.FindByTokenAsync(Token, ct);
        State = StateOf(Booking);
        if (State == ManageState.InvalidLink)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (State == ManageState.Upcoming)
        {
            Picker = await picker.BuildAsync(Booking!.AgencyId, Day, ct);
        }

        return Page();
    }

    private ManageState StateOf(CallBooking? booking)
    {
        var now = time.GetUtcNow();
        return booking switch
        {
            null => ManageState.InvalidLink,
            { Status: BookingStatus.Cancelled } => ManageState.Cancelled,
            { Status: BookingStatus.Attended } => ManageState.Attended,
            { Status: BookingStatus.NoShow } => ManageState.Missed,
            { Status: BookingStatus.Booked } when now < booking.StartsAt => ManageState.Upcoming,
            { Status: BookingStatus.Booked, Kind: BookingKind.Window } => ManageState.WindowDue,
            { Status: BookingStatus.Booked } when now < checkIn.ArrivalDeadline(booking) => ManageState.OpenToEnter,
            { Status: BookingStatus.InQueue } => ManageState.OpenToEnter,
            _ => ManageState.Missed,
        };
    }

    public string Self() => $"{BookingLinks.ManagePath}?t={Uri.EscapeDataString(Token ?? "")}";
}
