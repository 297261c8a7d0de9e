using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// After the arrival tolerance: records what became of the booking from its ticket — attended, a no-show (the
/// affiliate never came, or did not answer when called), or left. While the ticket still waits, it looks again later.
/// </summary>
public sealed class BookingSettleJob(IessClaveDbContext db, BookingJobs jobs, AuditLog audit, IOptions<BookingOptions> options, TimeProvider time)
{
    private static readonly TimeSpan LookAgain = TimeSpan.FromMinutes(2);

    public async Task<BookingStatus?> RunAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        var now = time.GetUtcNow();
        if (booking is null || booking.SettledAt is not null)
        {
            return null;
        }

        BookingStatus? outcome = booking.Status switch
        {
            BookingStatus.Booked when booking.Kind == BookingKind.Window => now < jobs.SettleAt(booking) ? null
                : await VisitedWindowAsync(booking, ct) ? BookingStatus.Attended : BookingStatus.NoShow,
            // A booked call whose person was served at a window instead (the check-in skipped them, or their ticket
            // left the line when the window opened the case) was kept, not missed.
            BookingStatus.Booked when now >= booking.StartsAt + options.Value.ArrivalTolerance =>
                await VisitedWindowAsync(booking, ct) ? BookingStatus.Attended : BookingStatus.NoShow,
            BookingStatus.InQueue => await FromTicketAsync(booking.TicketId, ct) is { } fromTicket
                ? fromTicket == BookingStatus.Cancelled && await VisitedWindowAsync(booking, ct) ? BookingStatus.Attended : fromTicket
                : null,
            _ => null,
        };
        if (outcome is null)
        {
            if (booking.Status is BookingStatus.Booked or BookingStatus.InQueue)
            {
                jobs.Settle(bookingId, booking.Status == BookingStatus.Booked ? jobs.SettleAt(booking) - now : LookAgain);
            }

            return null;
        }

        booking.Status = outcome.Value;
        booking.SettledAt = now;
        audit.Record(AuditActors.System, null, outcome == BookingStatus.Attended ? AuditActions.BookingAttended : outcome == BookingStatus.NoShow ? AuditActions.BookingNoShow : AuditActions.BookingCancelled,
            booking.AccountId, $"booking={bookingId};ticket={booking.TicketId}");
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>Kept at a window: the account's case was served at a window from an hour before the slot on.</summary>
    private Task<bool> VisitedWindowAsync(CallBooking booking, CancellationToken ct)
    {
        var from = booking.StartsAt - TimeSpan.FromHours(1);
        return db.Cases.AnyAsync(c => c.AccountId == booking.AccountId && c.Channel == CaseChannel.Window
            && (c.OpenedAt >= from || c.ClosedAt >= from || (c.ClosedAt == null && UnlockCase.OpenStatuses.Contains(c.Status))), ct);
    }

    private async Task<BookingStatus?> FromTicketAsync(long? ticketId, CancellationToken ct)
    {
        var status = await db.QueueTickets.Where(t => t.Id == ticketId).Select(t => (TicketStatus?)t.Status).SingleOrDefaultAsync(ct);
        return status switch
        {
            TicketStatus.InService or TicketStatus.Completed => BookingStatus.Attended,
            TicketStatus.NoShow or TicketStatus.Expired or null => BookingStatus.NoShow,
            TicketStatus.Left => BookingStatus.Cancelled,
            _ => null, // waiting or called: not decided yet
        };
    }
}
