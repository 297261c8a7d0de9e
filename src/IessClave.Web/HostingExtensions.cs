using System.Globalization;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Registry;
using IessClave.Web.Features.SignIn;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Jobs;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.RobotCheck;
using IessClave.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;

namespace IessClave.Web;

public static class HostingExtensions
{
    public static readonly CultureInfo[] Cultures = [new("es-EC"), new("en")];

    public static WebApplicationBuilder AddIessClave(this WebApplicationBuilder builder)
    {
        // Request lines carry link tokens in query strings: keep them out of the logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<SiteOptions>().Bind(config.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddTimeProvider();
        services.AddMemoryCache();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddLocalization();
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddIessClaveRateLimits(config);

        builder.AddData();
        builder.AddJobs();
        services.AddMail(config);
        services.AddRobotCheck(config);
        services.AddSingleton<SecretHasher>();
        services.AddScoped<AuditLog>();
        services.AddScoped<MailQueue>();
        services.AddScoped<SendMailJob>();
        services.AddScoped<MailDispatchSweep>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<ExpireTokenJob>();
        services.AddRegistry();
        services.AddRegistration(config);
        services.AddSignIn();
        return builder;
    }

    public static WebApplication MapIessClave(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseSecurityHeaders();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        var api = app.MapGroup("/api/v1");
        api.MapRegistrationApi();
        api.MapSignInApi();
        app.MapRobotCheck();
        app.MapRazorPages();
        app.MapJobsDashboard();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
