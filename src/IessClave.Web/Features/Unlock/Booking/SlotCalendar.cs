using IessClave.Web.Domain;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>One bookable slot: its start (UTC) and the local day it belongs to.</summary>
public sealed record Slot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly LocalDay)
{
    public long Key => StartsAt.ToUnixTimeSeconds();

    public string LocalTime => EcuadorTime.ToLocal(StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Which slots exist: working days from today to <see cref="BookingOptions.DaysAhead"/> days ahead, opening hours
/// in Ecuador time, starting no sooner than the minimum lead. A slot is identified by its start's Unix seconds.
/// </summary>
public sealed class SlotCalendar(IOptions<BookingOptions> options, TimeProvider time)
{
    public IReadOnlyList<Slot> Upcoming()
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var earliest = now + o.MinimumLead;
        var today = EcuadorTime.Today(time);
        var slots = new List<Slot>();
        for (var day = today; day <= today.AddDays(o.DaysAhead); day = day.AddDays(1))
        {
            if (!o.WorkingDays.Contains(day.DayOfWeek))
            {
                continue;
            }

            for (var start = o.OpensAt; ; start = start.Add(o.SlotLength))
            {
                var end = start.Add(o.SlotLength);
                if (end > o.ClosesAt || end <= start)
                {
                    break;
                }

                var startsAt = AtLocal(day, start);
                if (startsAt >= earliest)
                {
                    slots.Add(new Slot(startsAt, startsAt + o.SlotLength, day));
                }
            }
        }

        return slots;
    }

    /// <summary>The offered slot with this key, or null (past, too soon, beyond the window, or not a slot boundary).</summary>
    public Slot? Find(long key) => Upcoming().FirstOrDefault(s => s.Key == key);

    private static DateTimeOffset AtLocal(DateOnly day, TimeOnly at)
    {
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, EcuadorTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
