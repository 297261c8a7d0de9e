using System.Security.Claims;
using IessClave.Web.Domain;

namespace IessClave.Web.Features.Agents;

/// <summary>
/// The staff sign-in: its own cookie scheme, separate from the affiliates', issued only after both the password
/// and the TOTP code (or a recovery code) were accepted. Policies name the role they require.
/// </summary>
public static class AgentAuth
{
    public const string Scheme = "Agent";
    public const string CookieName = "iessclave.agente";
    public const string LoginPath = "/agentes/ingresar";
    public const string HomePath = "/agentes";

    public const string AgentIdClaim = "agent_id";
    public const string UserNameClaim = "agent_username";

    /// <summary>Any staff account that completed both factors, whatever its roles.</summary>
    public const string SignedInPolicy = "agent-signed-in";
    public const string AgentPolicy = "agent";
    public const string SupervisorPolicy = "agent-supervisor";
    public const string AdminPolicy = "agent-admin";

    public static Guid? AgentId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AgentIdClaim), out var id) ? id : null;

    /// <summary>"Agent", "Supervisor", "Admin": the role claim values of the given flags.</summary>
    public static IReadOnlyList<string> RoleNames(AgentRoles roles) =>
        Enum.GetValues<AgentRoles>().Where(r => r != AgentRoles.None && roles.HasFlag(r)).Select(r => r.ToString()).ToList();

    public static AgentRoles RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Aggregate(AgentRoles.None, (all, c) => Enum.TryParse<AgentRoles>(c.Value, out var r) ? all | r : all);

    public static string SpanishName(AgentRoles role) => role switch
    {
        AgentRoles.Agent => "Agente",
        AgentRoles.Supervisor => "Supervisor",
        AgentRoles.Admin => "Administrador",
        _ => role.ToString(),
    };

    public static string SpanishNames(AgentRoles roles) =>
        string.Join(", ", Enum.GetValues<AgentRoles>().Where(r => r != AgentRoles.None && roles.HasFlag(r)).Select(SpanishName));

    public static ClaimsPrincipal Principal(AgentAccount agent)
    {
        var claims = new List<Claim>
        {
            new(AgentIdClaim, agent.Id.ToString()),
            new(ClaimTypes.Name, agent.DisplayName),
            new(UserNameClaim, agent.UserName),
        };
        claims.AddRange(RoleNames(agent.Roles).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}
