using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Booking;

public enum BookingOutcome
{
    Booked,
    Rescheduled,
    Cancelled,
    SlotNotOffered,
    SlotFull,
    AlreadyBooked,
    TooLate,
}

public sealed record BookingResult(BookingOutcome Outcome, CallBooking? Booking = null, string? ManageToken = null);

/// <summary>
/// Books, moves and cancels video-call slots and window appointments. Capacity and "one active booking per account" are enforced by the
/// database in the same transaction as the booking row; mails, the Teams event and reminders follow in jobs.
/// </summary>
public sealed class BookingService(
    IessClaveDbContext db,
    BookingSlots slots,
    SlotCalendar calendar,
    BookingLinks links,
    Microsoft.Extensions.Options.IOptions<BookingOptions> options,
    BookingJobs jobs,
    AuditLog audit,
    TimeProvider time)
{
    public Task<CallBooking?> ActiveForAccountAsync(Guid accountId, CancellationToken ct) =>
        db.Bookings.SingleOrDefaultAsync(b => b.AccountId == accountId && CallBooking.ActiveStatuses.Contains(b.Status), ct);

    /// <summary>The booking a manage link names; null for forged, truncated or unknown tokens.</summary>
    public async Task<CallBooking?> FindByTokenAsync(string? rawToken, CancellationToken ct) =>
        LinkTokens.TryHash(rawToken) is { } hash ? await db.Bookings.SingleOrDefaultAsync(b => b.ManageTokenHash == hash, ct) : null;

    /// <param name="agencyId">Null for a video call; else the agency whose window the appointment is at.</param>
    public async Task<BookingResult> BookAsync(Guid accountId, long slotKey, CancellationToken ct, string? agencyId = null)
    {
        if (calendar.Find(slotKey) is not { } slot || (agencyId is not null && options.Value.Agency(agencyId) is null))
        {
            return new BookingResult(BookingOutcome.SlotNotOffered);
        }

        if (await ActiveForAccountAsync(accountId, ct) is { } existing)
        {
            return new BookingResult(BookingOutcome.AlreadyBooked, existing);
        }

        await slots.EnsureAsync(agencyId, slot.Key, ct);
        var (raw, hash) = LinkTokens.Create();
        var booking = new CallBooking
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Kind = agencyId is null ? BookingKind.VideoCall : BookingKind.Window,
            AgencyId = agencyId,
            Status = BookingStatus.Booked,
            StartsAt = slot.StartsAt,
            EndsAt = slot.EndsAt,
            BookedAt = time.GetUtcNow(),
            ManageTokenHash = hash,
            ManageTokenProtected = links.Protect(raw),
            MeetingRequestId = Guid.NewGuid(),
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await slots.TryTakeAsync(agencyId, slot.Key, ct))
            {
                return new BookingResult(BookingOutcome.SlotFull);
            }

            db.Bookings.Add(booking);
            audit.Record(AuditActors.Affiliate, accountId.ToString(), AuditActions.BookingCreated, accountId, $"booking={booking.Id};slot={slot.Key};resource={BookingResources.For(agencyId)}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel request for the same account won the unique index; this one takes nothing.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new BookingResult(BookingOutcome.AlreadyBooked, await ActiveForAccountAsync(accountId, ct));
            }

            await tx.CommitAsync(ct);
        }

        jobs.AfterBookedOrMoved(booking);
        return new BookingResult(BookingOutcome.Booked, booking, raw);
    }

    /// <summary>Moves a booking to another slot, until its slot starts. The calendar event is updated (same UID, next sequence).</summary>
    public async Task<BookingResult> RescheduleAsync(CallBooking booking, long slotKey, CancellationToken ct)
    {
        if (!CanChange(booking))
        {
            return new BookingResult(BookingOutcome.TooLate, booking);
        }

        if (calendar.Find(slotKey) is not { } slot || slot.StartsAt == booking.StartsAt)
        {
            return new BookingResult(BookingOutcome.SlotNotOffered, booking);
        }

        await slots.EnsureAsync(booking.AgencyId, slot.Key, ct);
        string? oldTeamsEvent;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await slots.TryTakeAsync(booking.AgencyId, slot.Key, ct))
            {
                return new BookingResult(BookingOutcome.SlotFull, booking);
            }

            var oldKey = booking.StartsAt.ToUnixTimeSeconds();
            // Only a booking still in its old slot moves: a concurrent cancel or second reschedule wins instead.
            var moved = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked && b.Sequence == booking.Sequence)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.StartsAt, slot.StartsAt)
                    .SetProperty(b => b.EndsAt, slot.EndsAt)
                    .SetProperty(b => b.Sequence, b => b.Sequence + 1)
                    .SetProperty(b => b.RemindersSent, 0)
                    .SetProperty(b => b.MeetingRequestId, Guid.NewGuid())
                    .SetProperty(b => b.MeetingExternalId, (string?)null)
                    .SetProperty(b => b.JoinUrlProtected, (string?)null), ct);
            if (moved == 0)
            {
                await tx.RollbackAsync(ct);
                return new BookingResult(BookingOutcome.TooLate, booking);
            }

            await slots.ReleaseAsync(booking.AgencyId, oldKey, ct);
            audit.Record(AuditActors.Affiliate, booking.AccountId.ToString(), AuditActions.BookingRescheduled, booking.AccountId, $"booking={booking.Id};slot={slot.Key}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            oldTeamsEvent = booking.MeetingExternalId;
        }

        await db.Entry(booking).ReloadAsync(ct);
        if (oldTeamsEvent is not null)
        {
            jobs.CancelTeamsEvent(oldTeamsEvent);
        }

        jobs.AfterBookedOrMoved(booking);
        return new BookingResult(BookingOutcome.Rescheduled, booking);
    }

    /// <summary>Cancels a booking until its slot starts and frees the place.</summary>
    public async Task<BookingResult> CancelAsync(CallBooking booking, CancellationToken ct)
    {
        if (!CanChange(booking))
        {
            return new BookingResult(BookingOutcome.TooLate, booking);
        }

        var now = time.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var cancelled = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked && b.Sequence == booking.Sequence)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, BookingStatus.Cancelled)
                    .SetProperty(b => b.CancelledAt, now)
                    .SetProperty(b => b.Sequence, b => b.Sequence + 1), ct);
            if (cancelled == 0)
            {
                await tx.RollbackAsync(ct);
                return new BookingResult(BookingOutcome.TooLate, booking);
            }

            await slots.ReleaseAsync(booking.AgencyId, booking.StartsAt.ToUnixTimeSeconds(), ct);
            audit.Record(AuditActors.Affiliate, booking.AccountId.ToString(), AuditActions.BookingCancelled, booking.AccountId, $"booking={booking.Id}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await db.Entry(booking).ReloadAsync(ct);
        jobs.AfterCancelled(booking);
        return new BookingResult(BookingOutcome.Cancelled, booking);
    }

    /// <summary>Cancel and reschedule work while the booking waits for its slot, up to the slot's start.</summary>
    public bool CanChange(CallBooking booking) => booking.Status == BookingStatus.Booked && time.GetUtcNow() < booking.StartsAt;
}
