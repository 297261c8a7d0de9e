using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// Capacity per slot, kept in one counter row per slot and changed only by conditional UPDATEs, so two people
/// booking the last place at once cannot both get it (the row lock serialises them; the loser sees 0 rows).
/// </summary>
public sealed class BookingSlots(IessClaveDbContext db, IOptions<BookingOptions> options)
{
    /// <summary>Creates the slot's counter if missing; call outside the booking transaction (an insert race is harmless).</summary>
    public Task EnsureAsync(long slotKey, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO booking_slots (\"SlotKey\", \"Booked\") VALUES ({slotKey}, 0) ON CONFLICT DO NOTHING", ct);

    /// <summary>Takes one place if any is left; false when the slot is full.</summary>
    public async Task<bool> TryTakeAsync(long slotKey, CancellationToken ct)
    {
        var capacity = options.Value.CapacityPerSlot;
        return await db.BookingSlots.Where(s => s.SlotKey == slotKey && s.Booked < capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct) == 1;
    }

    public Task ReleaseAsync(long slotKey, CancellationToken ct) =>
        db.BookingSlots.Where(s => s.SlotKey == slotKey && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);

    /// <summary>Places left per slot key (slots nobody booked yet are absent: they have the full capacity).</summary>
    public async Task<IReadOnlyDictionary<long, int>> LeftAsync(long fromKey, long toKey, CancellationToken ct)
    {
        var capacity = options.Value.CapacityPerSlot;
        return await db.BookingSlots.AsNoTracking().Where(s => s.SlotKey >= fromKey && s.SlotKey <= toKey)
            .ToDictionaryAsync(s => s.SlotKey, s => Math.Max(0, capacity - s.Booked), ct);
    }
}
