namespace IessClave.Web.Features.Supervision;

public static class SupervisionFeature
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) =>
        services.AddScoped<EmailChangeApprovals>().AddScoped<UnlockRateAlerts>().AddScoped<Audit.AuditQuery>();
}
