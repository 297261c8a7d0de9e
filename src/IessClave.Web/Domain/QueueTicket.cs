namespace IessClave.Web.Domain;

public enum QueueLane
{
    Standard = 0,
    Priority = 1,
}

public enum PriorityReason
{
    None = 0,
    Age = 1,
    Disability = 2,

    /// <summary>A booked call whose slot started.</summary>
    Booking = 3,
}

public enum TicketStatus
{
    Waiting = 1,
    Called = 2,
    InService = 3,
    Completed = 4,
    NoShow = 5,
    Left = 6,
    Expired = 7,
}

/// <summary>
/// A place in the video-call queue. <see cref="Id"/> is also the deli-counter number: it only grows, so order
/// within a lane is FIFO, and a caller returned to the queue keeps the number, hence the original place.
/// </summary>
public sealed class QueueTicket
{
    public long Id { get; set; }
    public Guid AccountId { get; set; }
    public QueueLane Lane { get; set; }
    public PriorityReason PriorityReason { get; set; }
    public TicketStatus Status { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? CalledAt { get; set; }
    public DateTimeOffset? ServiceStartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? AgentId { get; set; }
    public DateTimeOffset? DisconnectedAt { get; set; }
    public int ReturnCount { get; set; }

    public static readonly TicketStatus[] ActiveStatuses = [TicketStatus.Waiting, TicketStatus.Called, TicketStatus.InService];
}

/// <summary>
/// A change of the waiting set: +1 when a ticket starts waiting (joined or returned), −1 when it stops
/// (called, left, expired). Frames carry these so each client recomputes its own position.
/// </summary>
public sealed class QueueEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public QueueLane Lane { get; set; }
    public long TicketId { get; set; }
    public int Delta { get; set; }
}
