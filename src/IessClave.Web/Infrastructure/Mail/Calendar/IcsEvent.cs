namespace IessClave.Web.Infrastructure.Mail.Calendar;

/// <summary>iTIP method of an invitation: a new or changed event, or its cancellation.</summary>
public enum IcsMethod
{
    Request,
    Cancel,
}

/// <summary>
/// One event to put in an iCalendar invitation (<see cref="IcsCalendar"/>). <paramref name="Uid"/> is stable for the
/// thing booked (e.g. <c>{bookingId}@iessclave</c>); <paramref name="Sequence"/> grows with every change. The
/// summary and description travel in calendars and their notifications: keep personal data out of them.
/// </summary>
public sealed record IcsEvent(
    string Uid,
    int Sequence,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string Description,
    Uri Link,
    string OrganizerEmail,
    string OrganizerName,
    string AttendeeEmail)
{
    /// <summary>Reminders shown before the start (VALARM, ACTION:DISPLAY).</summary>
    public IReadOnlyList<TimeSpan> Reminders { get; init; } = [TimeSpan.FromHours(24), TimeSpan.FromMinutes(15)];

    /// <summary>The text each reminder shows; <see cref="Summary"/> when null.</summary>
    public string? ReminderText { get; init; }
}
