using IessClave.Web.Infrastructure.Meetings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Room;

public static class RoomFeature
{
    public const string JoinPath = "/sala/unirse";
    public const string RoomPath = "/sala";
    public const string HubPath = "/hubs/sala";

    /// <summary>Signalling messages carry SDP (≤ 16 KB, checked by the hub); anything far bigger closes the connection.</summary>
    public const int MaxHubMessageBytes = 64 * 1024;

    public static IServiceCollection AddRoom(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RoomOptions>().Bind(config.GetSection(RoomOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoomOptions>, RoomOptionsValidator>();
        services.AddSignalR().AddHubOptions<RoomHub>(o => o.MaximumReceiveMessageSize = MaxHubMessageBytes);
        services.AddSingleton<RoomPresence>();
        services.AddScoped<IBuiltInRooms, BuiltInRooms>();
        services.AddScoped<RoomJoinHandler>();
        services.AddAuthentication().AddRoomCookie();
        services.AddOptions<CookieAuthenticationOptions>(RoomAuth.Scheme)
            .Configure<IOptions<RoomOptions>>((o, room) => o.ExpireTimeSpan = room.Value.CookieLifetime);
        services.AddAuthorizationBuilder().AddPolicy(RoomAuth.Policy, p => p
            .AddAuthenticationSchemes(RoomAuth.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(RoomAuth.RoomClaim)
            .RequireClaim(RoomAuth.RoleClaim));
        return services;
    }

    public static IEndpointRouteBuilder MapRoom(this IEndpointRouteBuilder app)
    {
        app.MapHub<RoomHub>(HubPath);
        return app;
    }

    /// <summary>Names every problem at start, rather than one generic message.</summary>
    private sealed class RoomOptionsValidator : IValidateOptions<RoomOptions>
    {
        public ValidateOptionsResult Validate(string? name, RoomOptions options)
        {
            var problems = RoomOptions.Problems(options).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
