namespace IessClave.Web.Features.Unlock.Verification;

public static class VerificationFeature
{
    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VerificationOptions>().Bind(config.GetSection(VerificationOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.RequiredChecks.Length > 0 && o.RequiredChecks.All(Enum.IsDefined), "Verification:RequiredChecks must name known checks.")
            .ValidateOnStart();
        services.AddSingleton<OneTimeCodes>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseChecks>();
        services.AddScoped<CaseOutcomes>();
        services.AddScoped<AccountUnlocker>();
        services.AddScoped<CallSetup>();
        return services;
    }
}
