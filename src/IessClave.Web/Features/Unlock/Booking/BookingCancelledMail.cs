using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Mail.Calendar;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>The booking was cancelled; the attached iCalendar CANCEL removes the event from the calendar.</summary>
public sealed record BookingCancelledMail(
    Guid BookingId,
    string FullName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string BookAgainLink,
    string OrganizerEmail,
    string AttendeeEmail,
    int Sequence,
    string? Place = null) : IMailWithAttachments
{
    public string TemplateName => "BookingCancelled";

    public IReadOnlyList<MailAttachment> Attachments(DateTimeOffset now) =>
        [IcsCalendar.ToAttachment(ToEvent(), IcsMethod.Cancel, now, BookingConfirmationMail.FileName)];

    public IcsEvent ToEvent() => new(
        BookingConfirmationMail.UidFor(BookingId),
        Sequence,
        StartsAt,
        EndsAt,
        Place is null ? BookingConfirmationMail.Summary : BookingConfirmationMail.WindowSummary,
        "La cita fue cancelada. Puede agendar otra en " + BookAgainLink,
        new Uri(BookAgainLink, UriKind.Absolute),
        OrganizerEmail,
        "IESS",
        AttendeeEmail);
}
