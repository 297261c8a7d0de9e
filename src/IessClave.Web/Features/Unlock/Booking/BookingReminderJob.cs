using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>Sends one reminder of one version of a booking, once: a rerun, a cancelled or a moved booking sends nothing.</summary>
public sealed class BookingReminderJob(IessClaveDbContext db, BookingMails mails)
{
    public async Task<bool> RunAsync(Guid bookingId, int sequence, BookingReminder reminder, CancellationToken ct)
    {
        var flag = (int)reminder;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claiming the flag first makes two concurrent runs of the same reminder send one mail.
        var claimed = await db.Bookings
            .Where(b => b.Id == bookingId && b.Status == BookingStatus.Booked && b.Sequence == sequence && (b.RemindersSent & flag) == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.RemindersSent, b => b.RemindersSent | flag), ct);
        if (claimed == 0)
        {
            return false;
        }

        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, ct);
        var queued = mails.Reminder(booking, await mails.PersonAsync(booking.AccountId, ct), reminder);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Dispatch(queued);
        return true;
    }
}
