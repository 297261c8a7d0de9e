using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents.SignIn;

/// <summary>/agentes/codigo: second factor (TOTP or recovery code) within minutes of the password.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class AgentCodeModel(SecondFactorHandler handler, PendingSignInCookie pending, AgentSession session, IOptions<AgentOptions> options) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        return pending.Read(out var expired) is null ? BackToSignIn(expired) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var state = pending.Read(out var expired);
        if (state is null)
        {
            return BackToSignIn(expired);
        }

        var result = await handler.VerifyAsync(state.AgentId, Code, ct);
        Code = null;
        switch (result.Outcome)
        {
            case SecondFactorOutcome.Succeeded:
                await session.SignInAsync(result.Agent!);
                return LocalRedirect(AgentSession.Destination(state.ReturnUrl));
            case SecondFactorOutcome.NotEnrolled:
                return Redirect("/agentes/enrolar");
            case SecondFactorOutcome.Locked:
                pending.Clear();
                return Redirect(AgentAuth.LoginPath + "?motivo=bloqueada");
            default:
                ModelState.AddModelError(nameof(Code), AgentSignInMessages.WrongCode(options.Value.MaxFailedAttempts));
                return Page();
        }
    }

    private RedirectResult BackToSignIn(bool expired)
    {
        pending.Clear();
        return Redirect(AgentAuth.LoginPath + (expired ? "?motivo=caducado" : ""));
    }
}
