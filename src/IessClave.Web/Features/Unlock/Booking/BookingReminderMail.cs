using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>A reminder of a booked video call or, with <see cref="Place"/>, a window appointment (24 h and 15 min before).</summary>
public sealed record BookingReminderMail(
    string FullName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string JoinLink,
    string ManageLink,
    bool Shortly,
    string? Place = null) : IMailModel
{
    public string TemplateName => "BookingReminder";
}
