using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.SignIn;

[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class IngresarModel(SignInHandler handler, AffiliateSession session, Microsoft.Extensions.Options.IOptions<Registration.ClaveOptions> options) : PageModel
{
    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public string? Clave { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(Identification, Clave, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                await session.SignInAsync(result.AccountId!.Value, result.FullName!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/mi-cuenta");
            case SignInOutcome.Locked:
                return RedirectToPage("Bloqueada");
            default:
                ModelState.AddModelError(nameof(Clave), SignInMessages.Failed(options.Value.MaxFailedSignIns));
                Clave = null;
                return Page();
        }
    }
}
