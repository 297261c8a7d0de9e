using IessClave.Web.Infrastructure.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class MailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMail_WithDefaults_UsesOutboxUnderContentRoot()
    {
        using var provider = Build([]);

        var sender = Assert.IsType<OutboxMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.Equal(Path.GetFullPath("data/outbox", Directory.GetCurrentDirectory()), sender.FolderPath);
        Assert.NotNull(provider.GetRequiredService<MailTemplateRenderer>());
    }

    [Fact]
    public void AddMail_WhenDeliveryIsSmtp_UsesSmtpSender()
    {
        using var provider = Build(new() { ["Mail:Delivery"] = "Smtp", ["Mail:Smtp:Host"] = "mailpit", ["Mail:Smtp:Security"] = "None" });

        Assert.IsType<SmtpMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.Equal(SmtpSecurity.None, provider.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Security);
    }

    [Theory]
    [InlineData("Mail:Delivery", "Smtp", "Mail:Smtp:Host")]
    [InlineData("Mail:FromAddress", "not an address", "FromAddress")]
    [InlineData("Mail:FromAddress", "a@b.ec\r\nBcc: x@y.z", "FromAddress")]
    [InlineData("Mail:Smtp:Port", "0", "Port")]
    public async Task AddMail_WhenOptionsInvalid_FailsAtStart(string key, string value, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddMail(builder.Configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddMail(config).BuildServiceProvider();
    }
}
