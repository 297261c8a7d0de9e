namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// The output of <see cref="MailTemplateRenderer"/>: ready to put in a <see cref="MailEnvelope"/>.
/// <see cref="Attachments"/> (usually none) come from an <see cref="IMailWithAttachments"/> model.
/// </summary>
public sealed record RenderedMail(string Subject, string HtmlBody, string TextBody)
{
    public RenderedMail(string subject, string htmlBody, string textBody, IReadOnlyList<MailAttachment> attachments)
        : this(subject, htmlBody, textBody) => Attachments = attachments;

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public bool Equals(RenderedMail? other) =>
        other is not null && Subject == other.Subject && HtmlBody == other.HtmlBody && TextBody == other.TextBody
        && Attachments.SequenceEqual(other.Attachments);

    public override int GetHashCode() => HashCode.Combine(Subject, HtmlBody, TextBody, Attachments.Count);
}
