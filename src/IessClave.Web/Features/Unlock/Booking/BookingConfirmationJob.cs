using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// After a booking or a reschedule: with Teams, creates the calendar event (affiliate invited; Graph's
/// transactionId makes a retried job find the same event), then queues the confirmation mail with its .ics.
/// With the built-in room nothing is created ahead: the case's room opens when an agent takes the call.
/// </summary>
public sealed class BookingConfirmationJob(IessClaveDbContext db, MeetingService meetings, BookingMails mails, BookingLinks links)
{
    public const string Subject = "IESS: videollamada de verificación de identidad";

    public async Task<bool> RunAsync(Guid bookingId, int sequence, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || booking.Status != BookingStatus.Booked || booking.Sequence != sequence || booking.ConfirmedSequence == sequence)
        {
            return false;
        }

        var person = await mails.PersonAsync(booking.AccountId, ct);
        if (booking.Kind == BookingKind.VideoCall && meetings.ConfiguredKind == MeetingKind.Teams && booking.MeetingExternalId is null)
        {
            await ScheduleTeamsEventAsync(booking, person, ct);
        }

        if (booking.Kind == BookingKind.VideoCall)
        {
            booking.MeetingKind ??= MeetingKindValue.BuiltInRoom;
        }

        var queued = mails.Confirmation(booking, person);
        booking.ConfirmedSequence = sequence;
        await db.SaveChangesAsync(ct);
        mails.Dispatch(queued);
        return true;
    }

    private async Task ScheduleTeamsEventAsync(CallBooking booking, BookingMails.Person person, CancellationToken ct)
    {
        var request = new ScheduledMeetingRequest(booking.MeetingRequestId, Subject, booking.StartsAt, booking.EndsAt, person.Email, person.FullName);
        var meeting = await meetings.ScheduleAsync(request, ct);
        if (meeting.Kind == MeetingKind.Teams)
        {
            booking.MeetingKind = MeetingKindValue.Teams;
            booking.MeetingExternalId = meeting.ExternalId;
            booking.JoinUrlProtected = links.ProtectJoinUrl(meeting.AffiliateJoinUrl);
            return;
        }

        // Graph failed and the meeting service opened a room for the slot; the case's own room will open when the
        // call starts instead, so this one is closed at once.
        await meetings.CancelScheduledAsync(request.BookingId, meeting, ct);
        booking.MeetingKind = MeetingKindValue.BuiltInRoom;
    }
}
