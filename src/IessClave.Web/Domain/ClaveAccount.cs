namespace IessClave.Web.Domain;

public enum AccountStatus
{
    PendingActivation = 1,
    Active = 2,
}

public enum LockoutCause
{
    TooManyFailedSignIns = 1,
}

/// <summary>An affiliate's online clave: credentials, security image/question, contact data and lockout state.</summary>
public sealed class ClaveAccount
{
    public Guid Id { get; set; }
    public Guid AffiliateId { get; set; }
    public AffiliateRecord Affiliate { get; set; } = null!;
    public AccountStatus Status { get; set; }
    public string? PasswordHash { get; set; }
    public int SecurityImageId { get; set; }
    public int SecurityQuestionId { get; set; }
    public required string SecurityAnswerHash { get; set; }
    public required string MobilePhone { get; set; }
    public required string Email { get; set; }
    public required string Culture { get; set; }
    public int FailedSignInCount { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public LockoutCause? LockoutCause { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public bool IsLocked => LockedAt is not null;
}
