using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>
/// The mailed self-service link: /desbloquear/virtual/enlace?t=… (unlock) and /clave/recuperar/enlace?t=…
/// (forgotten clave) are this one page. Posts are rate limited per IP.
/// </summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class EnlaceModel(SelfServiceLinkHandler links) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public string? Clave { get; set; }
    [BindProperty] public string? ClaveConfirmation { get; set; }

    public SelfServiceLinkView View { get; private set; } = new(LinkStatus.Invalid);

    public TokenPurpose Purpose => Request.Path.StartsWithSegments("/clave/recuperar") ? TokenPurpose.Recovery : TokenPurpose.VirtualUnlock;

    /// <summary>Where to start again when the link no longer works.</summary>
    public string RestartPath => Purpose == TokenPurpose.Recovery ? "/clave/recuperar" : "/desbloquear/virtual";

    public async Task OnGetAsync(CancellationToken ct) => View = await links.ViewAsync(Token, Purpose, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await links.CompleteAsync(Token, Purpose, Clave, ClaveConfirmation, ct);
        if (result.Succeeded)
        {
            TempData["Unlocked"] = result.Unlocked;
            return Redirect("/clave/cambiada");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(Clave), error);
        }

        View = result.Status == LinkStatus.Valid ? await links.ViewAsync(Token, Purpose, ct) : new SelfServiceLinkView(result.Status);
        return Page();
    }
}
