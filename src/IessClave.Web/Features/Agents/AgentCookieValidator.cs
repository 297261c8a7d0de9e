using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

/// <summary>
/// On every request with an agent cookie: the session is younger than its absolute lifetime (by the app's
/// clock), and the account still exists, is not locked and has the same roles. Otherwise the cookie is dropped.
/// </summary>
internal static class AgentCookieValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<AgentOptions>>().Value.SessionLifetime;
        var id = ctx.Principal is { } principal ? AgentAuth.AgentId(principal) : null;
        var fresh = ctx.Properties.IssuedUtc is { } issued && now - issued < lifetime;
        if (id is not null && fresh)
        {
            var db = services.GetRequiredService<IessClaveDbContext>();
            var row = await db.Agents.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Roles, a.LockedAt })
                .SingleOrDefaultAsync(ctx.HttpContext.RequestAborted);
            if (row is not null && row.LockedAt is null && row.Roles == AgentAuth.RolesOf(ctx.Principal!))
            {
                return;
            }
        }

        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(AgentAuth.Scheme);
    }
}
