using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>/desbloquear/videollamada: prove identity, get a place in the live queue.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class VideollamadaModel(JoinQueueHandler handler) : PageModel
{
    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public bool DeclaresDisability { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var existing = await HttpContext.AuthenticateAsync(QueueAuth.Scheme);
        return existing.Succeeded ? RedirectToPage("Turno") : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "altcha")] string? robotProof, CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var result = await handler.HandleAsync(new JoinQueueInput(Identification, birthDate, robotProof, DeclaresDisability), ct);
        if (result.Ticket is { } ticket)
        {
            await HttpContext.SignInAsync(QueueAuth.Scheme, QueueAuth.Principal(ticket.Id, ticket.AccountId));
            return RedirectToPage("Turno");
        }

        if (result.Throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        ModelState.AddModelError(FieldId(result.Field), result.Error!);
        return Page();
    }

    private static string FieldId(string? field) => field switch
    {
        "identification" => nameof(Identification),
        "birthDate" => nameof(BirthDate),
        "robotProof" => "robot-check",
        _ => "",
    };
}
