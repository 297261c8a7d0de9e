using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>A reminder of a booked video call (sent 24 h and 15 min before it, by default).</summary>
public sealed record BookingReminderMail(
    string FullName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string JoinLink,
    string ManageLink,
    bool Shortly) : IMailModel
{
    public string TemplateName => "BookingReminder";
}
