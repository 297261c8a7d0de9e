using IessClave.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Registration;

/// <summary>/clave/activar?t=…: the link from the activation mail. Posts (set clave, resend) are rate limited per IP.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class ActivarModel(ActivationHandler activation, ResendActivationHandler resend) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public string? Clave { get; set; }
    [BindProperty] public string? ClaveConfirmation { get; set; }

    public ActivationView View { get; private set; } = new(LinkStatus.Invalid);

    /// <summary>The same page serves /clave/activar (first clave) and /clave/nueva (new clave after an unlock).</summary>
    public TokenPurpose Purpose => Request.Path.StartsWithSegments("/clave/nueva") ? TokenPurpose.NewClave : TokenPurpose.Activation;
    public ResendResult? Resent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await activation.ViewAsync(Token, ct, Purpose);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await activation.ActivateAsync(Token, Clave, ClaveConfirmation, ct, Purpose);
        if (result.Succeeded)
        {
            return RedirectToPage("Activada");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(Clave), error);
        }

        View = await activation.ViewAsync(Token, ct, Purpose);
        if (View.Status == LinkStatus.Valid && result.Status != LinkStatus.Valid)
        {
            View = new ActivationView(result.Status);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        Resent = await resend.HandleAsync(Token, ct, Purpose);
        View = await activation.ViewAsync(Token, ct, Purpose);
        return Page();
    }
}
