using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// Capacity per slot and resource (the video desk or one agency), kept in one counter row each and changed only by
/// conditional UPDATEs, so two people booking the last place at once cannot both get it (the row lock serialises
/// them; the loser sees 0 rows).
/// </summary>
public sealed class BookingSlots(IessClaveDbContext db, IOptions<BookingOptions> options)
{
    /// <summary>Creates the slot's counter if missing; call outside the booking transaction (an insert race is harmless).</summary>
    public Task EnsureAsync(string? agencyId, long slotKey, CancellationToken ct)
    {
        var resource = BookingResources.For(agencyId);
        return db.Database.ExecuteSqlAsync($"INSERT INTO booking_slots (\"Resource\", \"SlotKey\", \"Booked\") VALUES ({resource}, {slotKey}, 0) ON CONFLICT DO NOTHING", ct);
    }

    /// <summary>Takes one place if any is left; false when the slot is full.</summary>
    public async Task<bool> TryTakeAsync(string? agencyId, long slotKey, CancellationToken ct)
    {
        var resource = BookingResources.For(agencyId);
        var capacity = options.Value.CapacityOf(agencyId);
        return await db.BookingSlots.Where(s => s.Resource == resource && s.SlotKey == slotKey && s.Booked < capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct) == 1;
    }

    public Task ReleaseAsync(string? agencyId, long slotKey, CancellationToken ct)
    {
        var resource = BookingResources.For(agencyId);
        return db.BookingSlots.Where(s => s.Resource == resource && s.SlotKey == slotKey && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);
    }

    /// <summary>Places left per slot key (slots nobody booked yet are absent: they have the full capacity).</summary>
    public async Task<IReadOnlyDictionary<long, int>> LeftAsync(string? agencyId, long fromKey, long toKey, CancellationToken ct)
    {
        var resource = BookingResources.For(agencyId);
        var capacity = options.Value.CapacityOf(agencyId);
        return await db.BookingSlots.AsNoTracking().Where(s => s.Resource == resource && s.SlotKey >= fromKey && s.SlotKey <= toKey)
            .ToDictionaryAsync(s => s.SlotKey, s => Math.Max(0, capacity - s.Booked), ct);
    }
}
