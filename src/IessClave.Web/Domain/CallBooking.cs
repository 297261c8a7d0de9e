namespace IessClave.Web.Domain;

public enum BookingStatus
{
    /// <summary>Booked, the slot has not started.</summary>
    Booked = 1,

    /// <summary>The slot started: the booking holds a ticket in the queue's priority lane.</summary>
    InQueue = 2,
    Cancelled = 3,
    Attended = 4,
    NoShow = 5,
}

public enum BookingKind
{
    VideoCall = 1,

    /// <summary>In person, at a service window of an agency.</summary>
    Window = 2,
}

/// <summary>
/// A scheduled video call or window appointment. <see cref="Sequence"/> grows with every reschedule: the calendar invitation (UID from
/// <see cref="Id"/>) is updated in place, and jobs scheduled for an earlier version of the booking do nothing.
/// The manage link's token is stored as a SHA-256 hash (lookup) and, encrypted, for the reminder mails.
/// </summary>
public sealed class CallBooking
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public BookingKind Kind { get; set; } = BookingKind.VideoCall;

    /// <summary>The agency of a window appointment (an id from the configured agencies).</summary>
    public string? AgencyId { get; set; }
    public BookingStatus Status { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
    public required byte[] ManageTokenHash { get; set; }
    public required string ManageTokenProtected { get; set; }
    public long? TicketId { get; set; }

    /// <summary>The <see cref="Sequence"/> whose confirmation (or, once cancelled, cancellation) mail was queued.</summary>
    public int? ConfirmedSequence { get; set; }

    /// <summary>Which reminders (by <see cref="BookingReminder"/>) went out for the current <see cref="Sequence"/>.</summary>
    public int RemindersSent { get; set; }

    public MeetingKindValue? MeetingKind { get; set; }

    /// <summary>The Graph event id of a Teams booking (null with the built-in room, which opens when the call starts).</summary>
    public string? MeetingExternalId { get; set; }

    /// <summary>Graph's idempotency key (transactionId) for the current version of the event.</summary>
    public Guid MeetingRequestId { get; set; }
    public string? JoinUrlProtected { get; set; }

    public static readonly BookingStatus[] ActiveStatuses = [BookingStatus.Booked, BookingStatus.InQueue];
}

[Flags]
public enum BookingReminder
{
    None = 0,
    DayBefore = 1,
    ShortlyBefore = 2,
}

/// <summary>
/// How many bookings hold one slot of one resource (the video desk, or an agency's windows); key: the slot's start
/// in Unix seconds. Capacity is checked in SQL.
/// </summary>
public sealed class BookingSlot
{
    public const string VideoDesk = "video";

    public required string Resource { get; set; }
    public long SlotKey { get; set; }
    public int Booked { get; set; }
}

public static class BookingResources
{
    public static string For(string? agencyId) => agencyId is null ? BookingSlot.VideoDesk : "agency:" + agencyId;
}
