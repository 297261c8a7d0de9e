using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// At the slot's start the booking enters the queue's priority lane. The ticket waits "absent" until the
/// affiliate opens the booking's link: it is not handed to an agent before that, and if they have not come
/// within the arrival tolerance it expires and the booking becomes a no-show.
/// </summary>
public sealed class BookingCheckIn(
    IessClaveDbContext db,
    QueueTicketService tickets,
    AuditLog audit,
    IOptions<BookingOptions> booking,
    IOptions<QueueOptions> queue,
    IOptions<Window.WindowOptions> window,
    TimeProvider time)
{
    /// <summary>The booking's active ticket, entering the queue if the slot is open; null before the slot or once it is lost.</summary>
    public async Task<QueueTicket?> EnterAsync(Guid bookingId, CancellationToken ct)
    {
        var entry = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (entry is { Status: BookingStatus.InQueue, TicketId: { } ticketId })
        {
            return await db.QueueTickets.AsNoTracking()
                .SingleOrDefaultAsync(t => t.Id == ticketId && QueueTicket.ActiveStatuses.Contains(t.Status), ct);
        }

        var now = time.GetUtcNow();
        if (entry is null || entry.Kind != BookingKind.VideoCall || entry.Status != BookingStatus.Booked || now < entry.StartsAt || now >= ArrivalDeadline(entry))
        {
            return null;
        }

        if (await Window.WindowHolds.HeldNowAsync(db, entry.AccountId, now, window.Value, ct))
        {
            // Already being served at a window: no call (the settle job then counts the booking as kept there).
            return null;
        }

        var absentSince = ArrivalDeadline(entry) - queue.Value.ReconnectGrace;
        var ticket = await tickets.JoinAsync(entry.AccountId, QueueLane.Priority, PriorityReason.Booking, ct, absentSince);
        var linked = await db.Bookings.Where(b => b.Id == bookingId && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.InQueue).SetProperty(b => b.TicketId, ticket.Id), ct);
        if (linked == 0)
        {
            // The job and the affiliate's click raced: the other one linked the (same, one per account) ticket.
            return ticket;
        }

        audit.Record(AuditActors.System, null, AuditActions.BookingCheckedIn, entry.AccountId, $"booking={bookingId};ticket={ticket.Id};lane={ticket.Lane}");
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public DateTimeOffset ArrivalDeadline(CallBooking entry) => entry.StartsAt + booking.Value.ArrivalTolerance;
}

/// <summary>Runs at the slot's start: the version of the booking it was scheduled for enters the queue.</summary>
public sealed class BookingCheckInJob(IessClaveDbContext db, BookingCheckIn checkIn)
{
    public async Task<bool> RunAsync(Guid bookingId, int sequence, CancellationToken ct)
    {
        var current = await db.Bookings.AnyAsync(b => b.Id == bookingId && b.Sequence == sequence && b.Status == BookingStatus.Booked, ct);
        return current && await checkIn.EnterAsync(bookingId, ct) is not null;
    }
}
