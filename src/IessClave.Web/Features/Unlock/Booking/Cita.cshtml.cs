using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>/desbloquear/cita: prove identity (ID + birth date + robot check) to book a video call.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class CitaModel(LockedAccountProof proof) : PageModel
{
    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public string? BirthDate { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var existing = await HttpContext.AuthenticateAsync(BookingAuth.Scheme);
        return existing.Succeeded ? RedirectToPage("Horario") : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "altcha")] string? robotProof, CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var result = await proof.ProveAsync(Identification, birthDate, robotProof, "booking", ct);
        if (result.AccountId is { } accountId)
        {
            await HttpContext.SignInAsync(BookingAuth.Scheme, BookingAuth.Principal(accountId));
            return RedirectToPage("Horario");
        }

        if (result.Throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        ModelState.AddModelError(result.Field switch
        {
            "identification" => nameof(Identification),
            "birthDate" => nameof(BirthDate),
            "robotProof" => "robot-check",
            _ => "",
        }, result.Error!);
        return Page();
    }
}
