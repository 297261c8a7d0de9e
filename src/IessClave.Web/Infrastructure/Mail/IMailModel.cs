namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// A typed mail model. Its public properties are exposed to the Scriban templates
/// <c>templates/mail/{culture}/{TemplateName}.html.sbn</c> and <c>.txt.sbn</c> in snake_case
/// (<c>FullName</c> is <c>full_name</c>); <see cref="DateTimeOffset"/> values arrive preformatted in Ecuador time.
/// </summary>
public interface IMailModel
{
    string TemplateName { get; }
}
