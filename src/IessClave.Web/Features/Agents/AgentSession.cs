using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

/// <summary>Issues the agent's session cookie (after both factors) and ends it (the agent goes offline).</summary>
public sealed class AgentSession(
    IHttpContextAccessor accessor,
    PendingSignInCookie pending,
    IessClaveDbContext db,
    AuditLog audit,
    TimeProvider time,
    IOptions<AgentOptions> options)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    public async Task SignInAsync(AgentAccount agent)
    {
        pending.Clear();
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties
        {
            IsPersistent = false,
            AllowRefresh = false,
            IssuedUtc = now,
            ExpiresUtc = now + options.Value.SessionLifetime,
        };
        var principal = AgentAuth.Principal(agent);
        await Http.SignInAsync(AgentAuth.Scheme, principal, properties);
        Http.User = principal; // the page answering this request already shows the agent's menu
    }

    public async Task SignOutAsync(Guid agentId, CancellationToken ct)
    {
        await db.Agents.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AgentStatus.Offline), ct);
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.AgentSignOut);
        await db.SaveChangesAsync(ct);
        await Http.SignOutAsync(AgentAuth.Scheme);
    }

    /// <summary>Where to go after signing in: the page asked for, if it is one of ours, else the console.</summary>
    public static string Destination(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
            && !returnUrl.Any(char.IsControl) ? returnUrl : AgentAuth.HomePath;
}
