using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>Delivers through an SMTP server with MailKit: connect, authenticate if configured, send, disconnect.</summary>
public sealed partial class SmtpMailSender(
    IOptions<MailOptions> options,
    TimeProvider timeProvider,
    ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(MailEnvelope envelope, CancellationToken ct)
    {
        var mail = options.Value;
        var smtp = mail.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not configured.");
        using var message = MimeMessageFactory.Create(envelope, mail, timeProvider.GetUtcNow());
        using var client = new SmtpClient { Timeout = checked(smtp.TimeoutSeconds * 1000) };

        await client.ConnectAsync(host, smtp.Port, ToMailKit(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        LogSent(logger, envelope.MessageId, host);
    }

    internal static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} sent through SMTP server {Host}.")]
    private static partial void LogSent(ILogger logger, string messageId, string host);
}
