using IessClave.Web.Domain;
using IessClave.Web.Features.Agents.Admin;
using IessClave.Web.Features.Agents.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

public static class AgentsFeature
{
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AgentOptions>().Bind(config.GetSection(AgentOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.PendingSignInLifetime > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero, "Agents lifetimes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<AgentPasswordPolicy>();
        services.AddSingleton<TotpSecrets>();
        services.AddSingleton<UnknownAgentFailures>();
        services.AddScoped<PendingSignInCookie>();
        services.AddScoped<AgentSession>();
        services.AddScoped<AgentLockout>();
        services.AddScoped<AgentPasswordHandler>();
        services.AddScoped<SecondFactorHandler>();
        services.AddScoped<EnrolmentHandler>();
        services.AddScoped<CreateAgentHandler>();
        services.AddScoped<UnlockAgentHandler>();
        services.AddScoped<AgentListQuery>();
        services.AddScoped<CreateAdminCommand>();
        services.AddHttpContextAccessor();

        // Not the default scheme: affiliates keep theirs; agent pages ask for this one through their policies.
        services.AddAuthentication().AddCookie(AgentAuth.Scheme, o =>
        {
            o.Cookie.Name = AgentAuth.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = AgentAuth.LoginPath;
            o.SlidingExpiration = false;
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = AgentCookieValidator.ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(AgentAuth.Scheme)
            .Configure<IOptions<AgentOptions>>((o, agents) => o.ExpireTimeSpan = agents.Value.SessionLifetime);

        services.AddAuthorization(o =>
        {
            o.AddPolicy(AgentAuth.SignedInPolicy, p => p.AddAuthenticationSchemes(AgentAuth.Scheme).RequireClaim(AgentAuth.AgentIdClaim));
            o.AddPolicy(AgentAuth.AgentPolicy, p => Role(p, AgentRoles.Agent));
            o.AddPolicy(AgentAuth.SupervisorPolicy, p => Role(p, AgentRoles.Supervisor));
            o.AddPolicy(AgentAuth.AdminPolicy, p => Role(p, AgentRoles.Admin));
        });
        return services;
    }

    private static void Role(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, AgentRoles role) =>
        policy.AddAuthenticationSchemes(AgentAuth.Scheme).RequireClaim(AgentAuth.AgentIdClaim).RequireRole(role.ToString());

    // API and hub callers get a status code, people get the sign-in page.
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
