using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Meetings;

public static class MeetingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start) the "Meetings" section and registers <see cref="MeetingService"/> (scoped) with
    /// the configured provider: <see cref="GraphMeetingProvider"/> (singleton) for Graph, none for BuiltIn. The
    /// <see cref="IBuiltInRooms"/> implementation is registered by the Unlock feature.
    /// </summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);

        services.AddOptions<MeetingOptions>()
            .Bind(config.GetSection(MeetingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetingOptions>, MeetingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GraphHttpHandlerFactory>();
        services.TryAddSingleton<GraphMeetingProvider>();
        services.TryAddScoped(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MeetingOptions>>();
            return new MeetingService(
                sp.GetRequiredService<IBuiltInRooms>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<MeetingService>>(),
                options.Value.Provider == MeetingProviderKind.Graph ? sp.GetRequiredService<GraphMeetingProvider>() : null);
        });
        return services;
    }
}
