using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start) the "Mail" section, registers <see cref="MailTemplateRenderer"/> and the
    /// <see cref="IMailSender"/> chosen by <see cref="MailOptions.Delivery"/>. <see cref="OutboxMailSender"/> is
    /// always resolvable itself, so a development page can list the outbox.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);

        services.AddOptions<MailOptions>()
            .Bind(config.GetSection(MailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new MailTemplateRenderer(time: sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SmtpMailSender>();
        services.TryAddSingleton(sp => new OutboxMailSender(
            sp.GetRequiredService<IOptions<MailOptions>>(),
            OutboxFolder(sp),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IMailSender>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDelivery.Smtp
                ? sp.GetRequiredService<SmtpMailSender>()
                : sp.GetRequiredService<OutboxMailSender>());
        return services;
    }

    private static string OutboxFolder(IServiceProvider services)
    {
        var path = services.GetRequiredService<IOptions<MailOptions>>().Value.OutboxPath;
        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(path, contentRoot);
    }
}
