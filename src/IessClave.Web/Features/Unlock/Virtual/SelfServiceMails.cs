using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>Virtual unlock proven: a single-use link to create a new clave, which also unlocks the account.</summary>
public sealed record VirtualUnlockLinkMail(string FullName, string Link, DateTimeOffset ExpiresAt, int ValidMinutes) : IMailModel
{
    public string TemplateName => "VirtualUnlockLink";
}

/// <summary>Forgotten clave proven: a single-use link to create a new clave.</summary>
public sealed record RecoveryLinkMail(string FullName, string Link, DateTimeOffset ExpiresAt, int ValidMinutes) : IMailModel
{
    public string TemplateName => "RecoveryLink";
}

/// <summary>"Your clave was changed" (and unlocked), after a self-service link was used; says what to do if it was not them.</summary>
public sealed record ClaveChangedMail(string FullName, DateTimeOffset ChangedAt, bool Unlocked, string HelpLink) : IMailModel
{
    public string TemplateName => "ClaveChanged";
}
