namespace IessClave.Web.Infrastructure.Mail;

/// <summary>Delivers one rendered mail. Implementations: <see cref="SmtpMailSender"/>, <see cref="OutboxMailSender"/>.</summary>
public interface IMailSender
{
    Task SendAsync(MailEnvelope envelope, CancellationToken ct);
}

/// <summary>
/// One mail to one recipient. <paramref name="MessageId"/> is stable for the thing being sent (e.g.
/// <c>activation.42@iess.local</c>: <c>left@right</c>, letters, digits, <c>.</c>, <c>_</c>, <c>-</c>), so a
/// re-sent mail carries the same Message-ID header and the outbox keeps a single file for it.
/// </summary>
public sealed record MailEnvelope(string MessageId, string To, string? ToName, RenderedMail Content);
