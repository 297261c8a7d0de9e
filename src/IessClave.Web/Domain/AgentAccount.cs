namespace IessClave.Web.Domain;

/// <summary>What a staff account may do. One account can hold several roles.</summary>
[Flags]
public enum AgentRoles
{
    None = 0,
    Agent = 1,
    Supervisor = 2,
    Admin = 4,
}

/// <summary>The agent's availability on the live console.</summary>
public enum AgentStatus
{
    Offline = 0,
    Available = 1,
    Away = 2,
}

/// <summary>
/// A staff account of the support desk: password plus a mandatory TOTP second factor. The TOTP secret is kept
/// encrypted with the data-protection keys; the last accepted time step stops a code from being used twice.
/// </summary>
public sealed class AgentAccount
{
    public Guid Id { get; set; }

    /// <summary>Lower-case, 3–50 of [a-z0-9._-], unique.</summary>
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public AgentRoles Roles { get; set; }
    public AgentStatus Status { get; set; }

    /// <summary>Base32 TOTP secret protected with IDataProtector; set when enrolment starts, confirmed by <see cref="TotpEnrolledAt"/>.</summary>
    public string? TotpSecretProtected { get; set; }
    public DateTimeOffset? TotpEnrolledAt { get; set; }

    /// <summary>The time step of the last accepted code: only later steps are accepted (no reuse).</summary>
    public long? LastTotpStep { get; set; }
    public int FailedSecondFactorCount { get; set; }
    public int FailedPasswordCount { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The case the agent is serving now, if any (owned by the live queue).</summary>
    public Guid? CurrentTicketId { get; set; }

    public bool IsLocked => LockedAt is not null;

    public bool IsEnrolled => TotpEnrolledAt is not null;
}

/// <summary>A one-time code that replaces a TOTP code once (lost phone). Only its hash is stored.</summary>
public sealed class AgentRecoveryCode
{
    public Guid Id { get; set; }
    public Guid AgentId { get; set; }
    public required string CodeHash { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
