namespace IessClave.Web.Features.Unlock.Virtual;

public static class VirtualUnlockFeature
{
    public static IServiceCollection AddVirtualUnlock(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VirtualUnlockOptions>().Bind(config.GetSection(VirtualUnlockOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SelfServiceCounters>();
        services.AddScoped<SelfServiceProofHandler>();
        services.AddScoped<SelfServiceLinkSender>();
        services.AddScoped<SelfServiceLinkHandler>();
        return services;
    }
}
