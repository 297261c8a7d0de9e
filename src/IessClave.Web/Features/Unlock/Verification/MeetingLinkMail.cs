using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>The link to join the video call, mailed when an agent takes the caller.</summary>
public sealed record MeetingLinkMail(string FullName, string JoinLink, DateTimeOffset CalledAt) : IMailModel
{
    public string TemplateName => "MeetingLink";
}
