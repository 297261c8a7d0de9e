using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using IessClave.Web.Features.Agents;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Recovery;
using IessClave.Web.Features.Registry;
using IessClave.Web.Features.SignIn;
using IessClave.Web.Features.Supervision;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Features.Unlock.Room;
using IessClave.Web.Features.Unlock.Booking;
using IessClave.Web.Features.Unlock.Window;
using IessClave.Web.Features.Unlock.Virtual;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Health;
using IessClave.Web.Infrastructure.Jobs;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Meetings;
using IessClave.Web.Infrastructure.RobotCheck;
using IessClave.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddOptions<SiteOptions>().Bind(config.GetSection(SiteOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.TrustedProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Site:TrustedProxies must be IP addresses.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddLocalization();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AddPageRoute("/Registration/Activar", "clave/nueva");
            o.Conventions.AddPageRoute("/Unlock/Virtual/Enlace", "clave/recuperar/enlace");
        });
        // Spanish text stays readable in the HTML (á, ñ, ¿); markup characters are still encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddIessClaveRateLimits(config);
        services.AddTransport(config);

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
        services.AddQueue(config);
        services.AddVerification(config);
        services.AddWindow(config);
        services.AddVirtualUnlock(config);
        services.AddMeetings(config);
        services.AddSupervision();
        services.AddRoom(config);
        services.AddBooking(config);
        services.AddAgents(config);
        services.AddHealth(config);
        return builder;
    }

    public static WebApplication MapIessClave(this WebApplication app)
    {
        app.UseTransport();
        // The API answers errors with RFC 7807 problem details; people get a Spanish page.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), web => web.UseExceptionHandler("/error").UseStatusCodePagesWithReExecute("/error", "?code={0}"));
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
        api.MapQueueApi();
        api.MapBookingApi();
        api.MapVirtualUnlockApi();
        api.MapRecoveryApi();
        app.MapRobotCheck();
        app.MapQueue();
        app.MapRoom();
        app.MapSupervision();
        app.MapRazorPages();
        app.MapJobsDashboard();
        app.MapHealth();
        return app;
    }
}
