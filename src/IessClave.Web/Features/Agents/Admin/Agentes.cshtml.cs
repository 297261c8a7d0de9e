using IessClave.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Agents.Admin;

/// <summary>/admin/agentes: admins list staff accounts, create them and unlock locked ones. Every change is audited.</summary>
[Authorize(Policy = AgentAuth.AdminPolicy)]
public sealed class AdminAgentsModel(AgentListQuery query, CreateAgentHandler create, UnlockAgentHandler unlock, AgentPasswordPolicy policy) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<AgentRoles> Roles { get; set; } = [];
    [BindProperty] public string? Password { get; set; }
    [TempData] public string? Notice { get; set; }

    public IReadOnlyList<AgentRow> Agents { get; private set; } = [];

    public IReadOnlyList<string> PasswordRules => policy.Rules;

    public static IReadOnlyList<AgentRoles> RoleChoices { get; } = [AgentRoles.Agent, AgentRoles.Supervisor, AgentRoles.Admin];

    public async Task OnGetAsync(CancellationToken ct) => Agents = await query.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var roles = Roles.Aggregate(AgentRoles.None, (all, r) => all | r);
        var result = await create.CreateAsync(new NewAgent(UserName, DisplayName, roles, Password), AuditActors.Admin, AdminId.ToString(), ct);
        Password = null;
        if (result.Succeeded)
        {
            Notice = $"Se creó la cuenta «{result.Agent!.UserName}». En su primer ingreso deberá configurar su aplicación de autenticación.";
            return RedirectToPage();
        }

        ModelState.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        Agents = await query.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid agentId, CancellationToken ct)
    {
        Notice = await unlock.UnlockAsync(agentId, AdminId, ct) ? "Se desbloqueó la cuenta." : "Esa cuenta no estaba bloqueada.";
        return RedirectToPage();
    }

    public string? DescribedBy(string field, string? hint = null)
    {
        var error = ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? $"{field}-error" : null;
        var ids = string.Join(' ', new[] { hint, error }.Where(x => x is not null));
        return ids.Length == 0 ? null : ids;
    }

    public string? Invalid(string field) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? "true" : null;

    private Guid AdminId => AgentAuth.AgentId(User) ?? throw new InvalidOperationException("The admin policy lets only agents in.");
}
