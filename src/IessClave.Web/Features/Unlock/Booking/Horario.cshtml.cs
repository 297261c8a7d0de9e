using IessClave.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>/desbloquear/cita/horario: choose a day, then a time; or see (and cancel) the booking already made.</summary>
[Authorize(Policy = BookingAuth.Policy)]
public sealed class HorarioModel(BookingService bookings, SlotPicker picker, Microsoft.Extensions.Options.IOptions<BookingOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "dia")] public string? Day { get; set; }
    [BindProperty(SupportsGet = true, Name = "agencia")] public string? AgencyId { get; set; }

    /// <summary>The agency of a window appointment; null for a video call (or an unknown id).</summary>
    public AgencyOptions? Agency => options.Value.Agency(AgencyId);

    /// <summary>Where the slot form posts (and day links point), keeping the agency.</summary>
    public string PostAction => Agency is { } agency ? $"/desbloquear/cita/horario?agencia={agency.Id}" : "/desbloquear/cita/horario";
    [BindProperty] public long? Slot { get; set; }

    public CallBooking? Existing { get; private set; }
    public SlotPickerView Picker { get; private set; } = new([], null, []);

    private Guid AccountId => BookingAuth.Holder(User)!.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Slot is not { } key)
        {
            ModelState.AddModelError("", BookingMessages.ChooseTime);
            await LoadAsync(ct);
            return Page();
        }

        var result = await bookings.BookAsync(AccountId, key, ct, Agency?.Id);
        if (result is { Outcome: BookingOutcome.Booked, ManageToken: { } token })
        {
            await HttpContext.SignOutAsync(BookingAuth.Scheme);
            TempData["BookingDone"] = true;
            return Redirect($"{BookingLinks.ManagePath}?t={token}");
        }

        ModelState.AddModelError("", BookingMessages.For(result.Outcome));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelarAsync(CancellationToken ct)
    {
        if (await bookings.ActiveForAccountAsync(AccountId, ct) is { } booking)
        {
            var result = await bookings.CancelAsync(booking, ct);
            if (result.Outcome == BookingOutcome.Cancelled)
            {
                TempData["BookingCancelled"] = true;
                return RedirectToPage();
            }

            ModelState.AddModelError("", BookingMessages.For(result.Outcome));
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Existing = await bookings.ActiveForAccountAsync(AccountId, ct);
        if (Existing is null)
        {
            Picker = await picker.BuildAsync(Agency?.Id, Day, ct);
        }
    }
}
