using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.Registration;

/// <summary>The activation email: a single-use link to create the clave, valid <paramref name="ValidMinutes"/>.</summary>
public sealed record ActivationMail(string FullName, string ActivationLink, DateTimeOffset ExpiresAt, int ValidMinutes)
    : IMailModel
{
    public string TemplateName => "Activation";
}
