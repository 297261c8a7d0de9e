using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.Registration;

/// <summary>After a verified unlock: a single-use link to create a new clave, valid <paramref name="ValidMinutes"/>.</summary>
public sealed record NewClaveMail(string FullName, string Link, DateTimeOffset ExpiresAt, int ValidMinutes) : IMailModel
{
    public string TemplateName => "NewClave";
}
