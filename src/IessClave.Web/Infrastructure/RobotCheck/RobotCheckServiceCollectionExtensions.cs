using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.RobotCheck;

public static class RobotCheckServiceCollectionExtensions
{
    /// <summary>Registers the ALTCHA robot check: options (section "RobotCheck", validated at start),
    /// <see cref="AltchaService"/>, <see cref="TimeProvider"/> (system, unless one is registered) and the memory cache.</summary>
    public static IServiceCollection AddRobotCheck(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AltchaOptions>()
            .Bind(config.GetSection(AltchaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AltchaOptions>, AltchaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.TryAddSingleton<AltchaService>();
        return services;
    }
}
