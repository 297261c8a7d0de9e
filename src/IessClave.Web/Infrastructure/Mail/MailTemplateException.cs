namespace IessClave.Web.Infrastructure.Mail;

/// <summary>A mail template is missing, does not parse, or failed while rendering.</summary>
public sealed class MailTemplateException : Exception
{
    public MailTemplateException(string templateName, string culture, string message, Exception? inner = null)
        : base($"Mail template '{templateName}' (culture '{culture}'): {message}", inner)
    {
        TemplateName = templateName;
        Culture = culture;
    }

    public string TemplateName { get; }

    public string Culture { get; }
}
