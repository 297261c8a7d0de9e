namespace IessClave.Web.Features.Registration;

public static class RegistrationFeature
{
    public static IServiceCollection AddRegistration(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ClaveOptions>().Bind(config.GetSection(ClaveOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.IdentityAttemptWindow > TimeSpan.Zero && o.RegistrationFormLifetime > TimeSpan.Zero,
                "Clave lifetimes and windows must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ClavePolicy>();
        services.AddSingleton<IdentityAttemptLimiter>();
        services.AddSingleton<RegistrationDraftCodec>();
        services.AddScoped<StartRegistrationHandler>();
        services.AddScoped<VerifyIdentityHandler>();
        services.AddScoped<SubmitRegistrationHandler>();
        services.AddScoped<ClaveLinkMailer>();
        services.AddScoped<ActivationHandler>();
        services.AddScoped<ResendActivationHandler>();
        return services;
    }
}
