namespace IessClave.Web.Domain;

public enum TokenPurpose
{
    Activation = 1,

    /// <summary>The link sent after a verified unlock (or a recovery) to set a new clave.</summary>
    NewClave = 2,

    /// <summary>Self-service unlock (ID + birth date + security answer proven): sets a new clave and unlocks.</summary>
    VirtualUnlock = 3,

    /// <summary>Forgotten clave (same proof, account not locked): sets a new clave.</summary>
    Recovery = 4,
}

/// <summary>
/// A single-use link token. Only its SHA-256 hash is stored here; the raw value exists only in the mail, which
/// waits in <see cref="OutgoingMail"/> encrypted with the data-protection keys until it is sent, then is erased.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public ClaveAccount Account { get; set; } = null!;
    public TokenPurpose Purpose { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? ExpiredMarkedAt { get; set; }

    public TokenState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? TokenState.Used
        : RevokedAt is not null ? TokenState.Revoked
        : now >= ExpiresAt ? TokenState.Expired
        : TokenState.Valid;
}

public enum TokenState
{
    Valid,
    Expired,
    Used,
    Revoked,
}
