using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Agents.SignIn;

/// <summary>/agentes/salir: ends the agent's session (POST only changes anything); the agent goes offline.</summary>
[Authorize(Policy = AgentAuth.SignedInPolicy)]
public sealed class AgentSignOutModel(AgentSession session) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AgentAuth.AgentId(User) is { } id)
        {
            await session.SignOutAsync(id, ct);
        }

        return Redirect(AgentAuth.LoginPath + "?motivo=salida");
    }
}
