namespace IessClave.Web.Features.Registry;

public static class RegistryFeature
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) =>
        services.AddScoped<ImportAffiliatesHandler>();
}
