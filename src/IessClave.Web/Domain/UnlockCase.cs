namespace IessClave.Web.Domain;

public enum CaseChannel
{
    VideoQueue = 1,
    ScheduledCall = 2,
    Window = 3,
    Virtual = 4,
}

public enum CaseStatus
{
    Open = 1,
    AwaitingApproval = 2,
    Unlocked = 3,
    Rejected = 4,
    NoShow = 5,
}

/// <summary>
/// One attempt to unlock an account. It stays the same case as it moves between channels (queue, booked call,
/// window), keeping its evidence (<see cref="CaseCheck"/>), so nothing is asked twice.
/// </summary>
public sealed class UnlockCase
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public CaseChannel Channel { get; set; }
    public CaseStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? AgentId { get; set; }

    /// <summary>When the agent in <see cref="AgentId"/> last acted on the case (a window hold lapses after a while).</summary>
    public DateTimeOffset? HeldAt { get; set; }
    public long? TicketId { get; set; }
    public string? ReasonCode { get; set; }

    /// <summary>The one-time code shown in the affiliate's own browser, encrypted (binds the caller to the queued session).</summary>
    public string? OneTimeCodeProtected { get; set; }

    /// <summary>The meeting's join links, encrypted (a built-in room link is a single-use secret).</summary>
    public string? AffiliateJoinUrlProtected { get; set; }
    public string? AgentJoinUrlProtected { get; set; }

    public MeetingKindValue? MeetingKind { get; set; }
    public string? MeetingExternalId { get; set; }
    public string? MeetingFallbackReason { get; set; }

    /// <summary>A corrected contact email waiting for a supervisor's approval (four eyes).</summary>
    public string? PendingEmail { get; set; }
    public Guid? ApprovalRequestedBy { get; set; }
    public Guid? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    public static readonly CaseStatus[] OpenStatuses = [CaseStatus.Open, CaseStatus.AwaitingApproval];
}

/// <summary>Mirrors Infrastructure.Meetings.MeetingKind for storage, so the domain does not depend on infrastructure.</summary>
public enum MeetingKindValue
{
    BuiltInRoom = 1,
    Teams = 2,
}

public enum CheckKind
{
    BirthDate = 1,
    SecurityAnswer = 2,
    DocumentSerial = 3,
    OneTimeCode = 4,
    FaceMatchesPhoto = 5,
    DocumentLooksGenuine = 6,
}

/// <summary>One piece of evidence: what was checked, whether it matched, by whom, when. Never the typed value.</summary>
public sealed class CaseCheck
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public CheckKind Kind { get; set; }
    public bool Passed { get; set; }

    /// <summary>The agent who checked; null when the affiliate proved it alone (virtual unlock).</summary>
    public Guid? AgentId { get; set; }

    /// <summary>Where the check was made (the case may have moved since).</summary>
    public CaseChannel Channel { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum LockoutChange
{
    Locked = 1,
    Reset = 2,
}

/// <summary>The lockout ledger: every lock (with its cause) and every reset (with the case that verified it).</summary>
public sealed class LockoutEntry
{
    public long Id { get; set; }
    public Guid AccountId { get; set; }
    public LockoutChange Change { get; set; }
    public string Cause { get; set; } = "";
    public Guid? CaseId { get; set; }
    public Guid? AgentId { get; set; }
    public DateTimeOffset At { get; set; }
}
