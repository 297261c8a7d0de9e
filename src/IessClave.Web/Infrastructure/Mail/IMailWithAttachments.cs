namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// A mail model that also carries files. <see cref="Attachments"/> is called by <see cref="MailTemplateRenderer"/>
/// when the mail is rendered (at send time), so only the small model is stored, never the files.
/// </summary>
public interface IMailWithAttachments : IMailModel
{
    /// <param name="now">The moment of rendering (from the <see cref="TimeProvider"/>), e.g. for an iCalendar DTSTAMP.</param>
    IReadOnlyList<MailAttachment> Attachments(DateTimeOffset now);
}
