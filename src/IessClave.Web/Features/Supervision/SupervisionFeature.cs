using IessClave.Web.Features.Supervision.Dashboard;

namespace IessClave.Web.Features.Supervision;

public static class SupervisionFeature
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<EmailChangeApprovals>().AddScoped<UnlockRateAlerts>().AddScoped<Audit.AuditQuery>();
        services.AddScoped<SupervisionBoard>().AddSingleton<BoardWatchers>().AddHostedService<BoardPublisher>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        app.MapHub<SupervisionHub>(SupervisionHub.Path);
        return app;
    }
}
