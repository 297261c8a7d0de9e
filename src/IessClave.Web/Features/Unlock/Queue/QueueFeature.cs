using Microsoft.AspNetCore.Authorization;

namespace IessClave.Web.Features.Unlock.Queue;

public static class QueueFeature
{
    public const string AffiliateHubPath = "/hubs/cola";
    public const string AgentHubPath = "/hubs/agentes";

    public static IServiceCollection AddQueue(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<QueueOptions>().Bind(config.GetSection(QueueOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.FrameInterval > TimeSpan.Zero && o.FrameInterval <= TimeSpan.FromSeconds(1), "Queue:FrameInterval must be more than 0 and at most 1 second.")
            .Validate(o => o.ReconnectGrace > TimeSpan.Zero && o.CallResponseTimeout > TimeSpan.Zero && o.DefaultServiceTime > TimeSpan.Zero, "Queue times must be positive.")
            .ValidateOnStart();
        var maxMessage = config.GetSection(QueueOptions.Section).Get<QueueOptions>()?.MaxMessageBytes ?? new QueueOptions().MaxMessageBytes;
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = maxMessage;
            o.EnableDetailedErrors = false;
        });
        services.AddSingleton<QueueState>();
        services.AddSingleton<QueuePresence>();
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<QueueBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueBroadcaster>());
        services.AddSingleton<QueueSnapshots>();
        services.AddScoped<QueueEventWriter>();
        services.AddScoped<QueueTicketService>();
        services.AddScoped<QueueDepartures>();
        services.AddScoped<QueueStatistics>();
        services.AddScoped<LockedAccountProof>();
        services.AddScoped<JoinQueueHandler>();
        services.AddScoped<AgentQueueService>();
        services.AddScoped<NoShowJob>();
        services.AddScoped<TicketViews>();
        services.AddAuthentication().AddQueueTicketCookie();
        services.AddAuthorizationBuilder().AddPolicy(QueueAuth.Policy, p => p
            .AddAuthenticationSchemes(QueueAuth.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(QueueAuth.TicketClaim)
            .RequireClaim(QueueAuth.AccountClaim));
        return services;
    }

    public static IEndpointRouteBuilder MapQueue(this IEndpointRouteBuilder app)
    {
        app.MapHub<QueueHub>(AffiliateHubPath);
        app.MapHub<AgentQueueHub>(AgentHubPath);
        return app;
    }
}
