using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.SignIn;

/// <summary>"Your clave was locked": names the three ways to unlock (virtual, video call, in person).</summary>
public sealed record LockoutNoticeMail(
    string FullName,
    DateTimeOffset LockedAt,
    string UnlockVirtualLink,
    string UnlockVideoLink,
    string InPersonInfoLink) : IMailModel
{
    public string TemplateName => "LockoutNotice";
}
