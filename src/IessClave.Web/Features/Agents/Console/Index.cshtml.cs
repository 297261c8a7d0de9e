using System.Security.Claims;
using IessClave.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Agents.Console;

/// <summary>/agentes: the agent console's landing page (the live queue comes here). Any signed-in staff account.</summary>
[Authorize(Policy = AgentAuth.SignedInPolicy)]
public sealed class AgentConsoleModel : PageModel
{
    public string DisplayName => User.FindFirstValue(ClaimTypes.Name) ?? "";

    public AgentRoles Roles => AgentAuth.RolesOf(User);

    public void OnGet()
    {
    }
}
