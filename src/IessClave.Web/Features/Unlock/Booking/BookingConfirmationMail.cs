using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Mail.Calendar;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// Confirms a booked video call, with the invitation <c>cita-iess.ics</c> attached. <paramref name="Sequence"/>
/// starts at 0 and grows with every reschedule, so calendars update the same event (UID <c>{BookingId}@iessclave</c>).
/// </summary>
public sealed record BookingConfirmationMail(
    Guid BookingId,
    string FullName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string JoinLink,
    string ManageLink,
    string OrganizerEmail,
    string AttendeeEmail,
    int Sequence,
    string? Place = null) : IMailWithAttachments
{
    public const string FileName = "cita-iess.ics";
    public const string Summary = "Videollamada con el IESS: desbloqueo de clave";
    public const string WindowSummary = "Cita en ventanilla del IESS: desbloqueo de clave";

    public string TemplateName => "BookingConfirmation";

    /// <summary>The calendar UID for <paramref name="bookingId"/>, the same in every mail about that booking.</summary>
    public static string UidFor(Guid bookingId) => $"{bookingId:N}@iessclave";

    public IReadOnlyList<MailAttachment> Attachments(DateTimeOffset now) =>
        [IcsCalendar.ToAttachment(ToEvent(), IcsMethod.Request, now, FileName)];

    public IcsEvent ToEvent() => new(
        UidFor(BookingId),
        Sequence,
        StartsAt,
        EndsAt,
        Place is null ? Summary : WindowSummary,
        (Place is null
            ? "Únase a la videollamada con el IESS para desbloquear su clave con este enlace:\n" + JoinLink
            : "Acérquese a " + Place + " con su cédula o documento de identidad original.\nSu cita: " + JoinLink)
            + "\nTenga a mano su cédula o documento de identidad."
            + "\nPara cancelar o cambiar la cita, use el enlace de su correo de confirmación.",
        new Uri(JoinLink, UriKind.Absolute),
        OrganizerEmail,
        "IESS",
        AttendeeEmail)
    {
        ReminderText = Place is null ? "Su videollamada con el IESS empieza pronto" : "Su cita en la ventanilla del IESS empieza pronto",
    };
}
