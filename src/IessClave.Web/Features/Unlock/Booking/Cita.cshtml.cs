using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>/desbloquear/cita: prove identity (ID + birth date + robot check) to book a video call.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class CitaModel(LockedAccountProof proof, Microsoft.Extensions.Options.IOptions<BookingOptions> options) : PageModel
{
    /// <summary>Empty for a video call, else the agency of a window appointment.</summary>
    [BindProperty(SupportsGet = true, Name = "agencia")] public string? Agency { get; set; }

    public IReadOnlyList<AgencyOptions> Agencies => options.Value.Agencies;

    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public string? BirthDate { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var existing = await HttpContext.AuthenticateAsync(BookingAuth.Scheme);
        return existing.Succeeded ? Redirect(HorarioUrl()) : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "altcha")] string? robotProof, CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (!string.IsNullOrEmpty(Agency) && options.Value.Agency(Agency) is null)
        {
            ModelState.AddModelError("agencia", "Elige una agencia de la lista.");
            return Page();
        }

        var result = await proof.ProveAsync(Identification, birthDate, robotProof, "booking", ct);
        if (result.AccountId is { } accountId)
        {
            await HttpContext.SignInAsync(BookingAuth.Scheme, BookingAuth.Principal(accountId));
            return Redirect(HorarioUrl());
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

    private string HorarioUrl() =>
        options.Value.Agency(Agency) is { } agency ? $"/desbloquear/cita/horario?agencia={agency.Id}" : "/desbloquear/cita/horario";
}
