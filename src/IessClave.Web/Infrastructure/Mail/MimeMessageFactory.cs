using System.Text.RegularExpressions;
using MimeKit;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>Builds the MIME message both senders deliver, refusing anything that could inject headers.</summary>
internal static partial class MimeMessageFactory
{
    public static MimeMessage Create(MailEnvelope envelope, MailOptions options, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(envelope.Content);
        ArgumentNullException.ThrowIfNull(options);

        var message = new MimeMessage { Date = date };
        message.From.Add(Mailbox(options.FromName, options.FromAddress, "From"));
        message.To.Add(Mailbox(envelope.ToName, envelope.To, nameof(envelope.To)));
        message.MessageId = ValidMessageId(envelope.MessageId);
        message.Subject = SingleLine(envelope.Content.Subject, "Subject");
        var body = new BodyBuilder
        {
            TextBody = envelope.Content.TextBody,
            HtmlBody = envelope.Content.HtmlBody,
        }.ToMessageBody();
        message.Body = envelope.Content.Attachments.Count == 0 ? body : WithAttachments(body, envelope.Content.Attachments);
        return message;
    }

    /// <summary>multipart/mixed: the text+html alternative first, then one part per attachment.</summary>
    private static Multipart WithAttachments(MimeEntity body, IReadOnlyList<MailAttachment> attachments)
    {
        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in attachments)
        {
            mixed.Add(attachment.ToMimePart());
        }

        return mixed;
    }

    /// <summary>Parses a bare address (no display name, no list, no control characters) into a mailbox.</summary>
    public static MailboxAddress Mailbox(string? name, string address, string field)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Any(char.IsControl)
            || !MailboxAddress.TryParse(address, out var mailbox)
            || mailbox.Address != address.Trim() || !address.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{field} is not a single valid email address.", field);
        }

        if (name is not null)
        {
            mailbox.Name = SingleLine(name, field + " name");
        }

        return mailbox;
    }

    public static bool IsValidMessageId(string? messageId) =>
        messageId is { Length: > 0 and <= 200 } && MessageIdPattern().IsMatch(messageId);

    private static string ValidMessageId(string messageId) =>
        IsValidMessageId(messageId)
            ? messageId
            : throw new ArgumentException("MessageId must look like 'left@right' (letters, digits, '.', '_', '-').", nameof(messageId));

    private static string SingleLine(string value, string field) =>
        value.Any(char.IsControl)
            ? throw new ArgumentException($"{field} must not contain control characters (CR/LF).", field)
            : value;

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdPattern();
}
