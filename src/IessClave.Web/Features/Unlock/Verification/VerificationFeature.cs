namespace IessClave.Web.Features.Unlock.Verification;

public static class VerificationFeature
{
    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VerificationOptions>().Bind(config.GetSection(VerificationOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.RequiredChecks.Length > 0 && o.RequiredChecks.All(Enum.IsDefined), "Verification:RequiredChecks must name known checks.")
            .Validate(o => o.WindowRequiredChecks.Length > 0 && o.WindowRequiredChecks.All(k => Enum.IsDefined(k) && ChannelRules.Applies(k, Domain.CaseChannel.Window)),
                "Verification:WindowRequiredChecks must name known checks that can be made at the window (not OneTimeCode).")
            .ValidateOnStart();
        services.AddSingleton<OneTimeCodes>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseChecks>();
        services.AddScoped<CaseHistory>();
        services.AddScoped<CaseOutcomes>();
        services.AddScoped<AccountUnlocker>();
        services.AddScoped<CallSetup>();
        return services;
    }
}
