namespace IessClave.Web.Infrastructure.Mail;

/// <summary>The output of <see cref="MailTemplateRenderer"/>: ready to put in a <see cref="MailEnvelope"/>.</summary>
public sealed record RenderedMail(string Subject, string HtmlBody, string TextBody);
