namespace IessClave.Web.Features.Unlock.Window;

public static class WindowFeature
{
    public const string Path = "/agentes/ventanilla";

    public static string CasePath(Guid caseId) => $"{Path}/caso/{caseId}";

    public static IServiceCollection AddWindow(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<WindowOptions>().Bind(config.GetSection(WindowOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.SearchWindow > TimeSpan.Zero && o.SearchGrantLifetime > TimeSpan.Zero && o.HoldTimeout > TimeSpan.Zero,
                "Window:SearchWindow, Window:SearchGrantLifetime and Window:HoldTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<WindowGrants>();
        services.AddScoped<AccountLookup>();
        services.AddScoped<WindowSearch>();
        services.AddScoped<WindowCases>();
        services.AddScoped<WindowCaseQuery>();
        return services;
    }
}
