using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents.SignIn;

/// <summary>/agentes/enrolar: first sign-in. Scan the QR code, confirm with a code, keep the recovery codes.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class AgentEnrolModel(EnrolmentHandler handler, PendingSignInCookie pending, AgentSession session, IOptions<AgentOptions> options) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public EnrolmentView? View { get; private set; }

    /// <summary>Set only in the answer to a successful confirmation: the one time the codes are shown.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Continue { get; private set; } = AgentAuth.HomePath;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var state = pending.Read(out var expired);
        return state is null ? BackToSignIn(expired) : await ShowAsync(state.AgentId, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var state = pending.Read(out var expired);
        if (state is null)
        {
            return BackToSignIn(expired);
        }

        var result = await handler.ConfirmAsync(state.AgentId, Code, ct);
        Code = null;
        switch (result.Outcome)
        {
            case EnrolmentOutcome.Succeeded:
                await session.SignInAsync(result.Agent!);
                RecoveryCodes = result.RecoveryCodes;
                Continue = AgentSession.Destination(state.ReturnUrl);
                return Page();
            case EnrolmentOutcome.Locked:
                pending.Clear();
                return Redirect(AgentAuth.LoginPath + "?motivo=bloqueada");
            case EnrolmentOutcome.NotApplicable:
                return Redirect("/agentes/codigo");
            default:
                ModelState.AddModelError(nameof(Code), AgentSignInMessages.WrongCode(options.Value.MaxFailedAttempts));
                return await ShowAsync(state.AgentId, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid agentId, CancellationToken ct)
    {
        var start = await handler.StartAsync(agentId, ct);
        switch (start.State)
        {
            case EnrolmentState.Ready:
                View = start.View;
                return Page();
            case EnrolmentState.AlreadyEnrolled:
                return Redirect("/agentes/codigo");
            case EnrolmentState.Locked:
                pending.Clear();
                return Redirect(AgentAuth.LoginPath + "?motivo=bloqueada");
            default:
                return BackToSignIn(expired: false);
        }
    }

    private RedirectResult BackToSignIn(bool expired)
    {
        pending.Clear();
        return Redirect(AgentAuth.LoginPath + (expired ? "?motivo=caducado" : ""));
    }
}
