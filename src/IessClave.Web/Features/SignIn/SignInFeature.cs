using Microsoft.AspNetCore.Authentication.Cookies;

namespace IessClave.Web.Features.SignIn;

public static class SignInFeature
{
    public const string AffiliateScheme = "Affiliate";

    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddScoped<SignInHandler>();
        services.AddScoped<LockoutNotifier>();
        services.AddSingleton<UnknownIdentityFailures>();
        services.AddScoped<AffiliateSession>();
        services.AddScoped<MyAccountQuery>();
        services.AddHttpContextAccessor();
        services.AddAuthentication(AffiliateScheme).AddCookie(AffiliateScheme, o =>
        {
            o.Cookie.Name = "iessclave.afiliado";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/ingresar";
            o.AccessDeniedPath = "/ingresar";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        return services;
    }

    // API callers get a status code, people get the sign-in page.
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
