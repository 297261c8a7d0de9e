namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// One mail in the local outbox, as read back from its .eml file. <paramref name="AttachmentNames"/> lists the
/// attached files' names, comma-separated (empty when none).
/// </summary>
public sealed record OutboxEntry(
    string FileName,
    DateTimeOffset Date,
    string MessageId,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    string AttachmentNames = "");
