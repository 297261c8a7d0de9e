using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Registration;

/// <summary>
/// Builds the mail that carries a clave link (activation, or a new clave after an unlock) for an issued token and,
/// after commit, sends it and schedules the token's expiry.
/// </summary>
public sealed class ClaveLinkMailer(MailQueue queue, TokenIssuer tokens, IOptions<SiteOptions> site, IOptions<ClaveOptions> options)
{
    public static string PathFor(TokenPurpose purpose) => purpose == TokenPurpose.NewClave ? "/clave/nueva" : "/clave/activar";

    public OutgoingMail Add(ClaveAccount account, AffiliateRecord affiliate, IssuedToken issued, string? toAddress = null)
    {
        var link = site.Value.Link($"{PathFor(issued.Token.Purpose)}?t={issued.RawValue}");
        var minutes = (int)options.Value.LinkLifetime.TotalMinutes;
        var to = toAddress ?? account.Email;
        return issued.Token.Purpose == TokenPurpose.NewClave
            ? queue.Add(new NewClaveMail(affiliate.FullName, link, issued.Token.ExpiresAt, minutes), to, affiliate.FullName, account.Culture, account.Id)
            : queue.Add(new ActivationMail(affiliate.FullName, link, issued.Token.ExpiresAt, minutes), to, affiliate.FullName, account.Culture, account.Id);
    }

    public void Dispatch(OutgoingMail mail, IssuedToken issued)
    {
        queue.Dispatch(mail);
        tokens.ScheduleExpiry(issued.Token);
    }
}
