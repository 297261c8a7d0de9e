using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>After a cancellation: the mail with the iCalendar CANCEL (once), and the Teams event's cancellation.</summary>
public sealed class BookingCancellationJob(IessClaveDbContext db, BookingMails mails, BookingJobs jobs)
{
    public async Task<bool> RunAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.Status == BookingStatus.Cancelled, ct);
        if (booking is null || booking.ConfirmedSequence == booking.Sequence)
        {
            return false;
        }

        var queued = mails.Cancellation(booking, await mails.PersonAsync(booking.AccountId, ct));
        booking.ConfirmedSequence = booking.Sequence;
        var teamsEvent = booking.MeetingExternalId;
        booking.MeetingExternalId = null;
        booking.JoinUrlProtected = null;
        await db.SaveChangesAsync(ct);
        mails.Dispatch(queued);
        if (teamsEvent is not null)
        {
            jobs.CancelTeamsEvent(teamsEvent);
        }

        return true;
    }
}
