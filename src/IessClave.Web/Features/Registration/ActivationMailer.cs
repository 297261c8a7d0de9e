using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Registration;

/// <summary>Builds the activation mail for an issued token and, after commit, sends it and schedules the expiry.</summary>
public sealed class ActivationMailer(MailQueue queue, TokenIssuer tokens, IOptions<SiteOptions> site, IOptions<ClaveOptions> options)
{
    public OutgoingMail Add(ClaveAccount account, AffiliateRecord affiliate, IssuedToken issued)
    {
        var link = site.Value.Link($"/clave/activar?t={issued.RawValue}");
        var model = new ActivationMail(affiliate.FullName, link, issued.Token.ExpiresAt, (int)options.Value.LinkLifetime.TotalMinutes);
        return queue.Add(model, account.Email, affiliate.FullName, account.Culture, account.Id);
    }

    public void Dispatch(OutgoingMail mail, IssuedToken issued)
    {
        queue.Dispatch(mail);
        tokens.ScheduleExpiry(issued.Token);
    }
}
