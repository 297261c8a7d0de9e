namespace IessClave.Web.Domain;

public enum RoomRole
{
    Affiliate = 1,
    Agent = 2,
}

/// <summary>
/// A built-in video room: one per case (<see cref="Id"/> is the case id). Its join links work from
/// <see cref="ValidFrom"/> to <see cref="ValidUntil"/>; once <see cref="ClosedAt"/> is set nobody joins any more.
/// </summary>
public sealed class MeetingRoom
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>
/// A single-use join link for one role of one room. Only the SHA-256 hash of the raw value is stored; opening
/// the room again revokes the unused ones (<see cref="RevokedAt"/>) so only the newest links work.
/// </summary>
public sealed class RoomJoinToken
{
    public Guid Id { get; set; }
    public Guid RoomId { get; set; }
    public RoomRole Role { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
