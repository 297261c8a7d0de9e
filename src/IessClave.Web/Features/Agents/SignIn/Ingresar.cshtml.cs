using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents.SignIn;

/// <summary>/agentes/ingresar: first factor. A right password leads to the code (or enrolment) page, not to a session.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class AgentSignInModel(AgentPasswordHandler handler, PendingSignInCookie pending, IOptions<AgentOptions> options) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true, Name = "motivo")] public string? Reason { get; set; }

    public string? Notice => AgentSignInMessages.Notice(Reason, options.Value.PendingSignInLifetime);

    public bool IsLockedNotice => Reason == "bloqueada";

    public async Task<IActionResult> OnGetAsync()
    {
        if ((await HttpContext.AuthenticateAsync(AgentAuth.Scheme)).Succeeded)
        {
            return LocalRedirect(AgentSession.Destination(ReturnUrl));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Reason = null;
        var result = await handler.HandleAsync(UserName, Password, ct);
        Password = null;
        switch (result.Outcome)
        {
            case PasswordStepOutcome.NeedsCode:
                pending.Issue(result.AgentId!.Value, AgentSession.Destination(ReturnUrl));
                return Redirect("/agentes/codigo");
            case PasswordStepOutcome.NeedsEnrolment:
                pending.Issue(result.AgentId!.Value, AgentSession.Destination(ReturnUrl));
                return Redirect("/agentes/enrolar");
            case PasswordStepOutcome.Locked:
                ModelState.AddModelError("", AgentSignInMessages.Locked);
                return Page();
            default:
                ModelState.AddModelError(nameof(Password), AgentSignInMessages.Failed(options.Value.MaxFailedAttempts));
                return Page();
        }
    }
}
