using System.Globalization;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

public sealed record SlotChoice(Slot Slot, int Left);

public sealed record DayChoice(DateOnly Day, string Label, int Free)
{
    public string Value => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the slot picker shows: the days with free places, and the free times of the chosen day.</summary>
public sealed record SlotPickerView(IReadOnlyList<DayChoice> Days, DayChoice? Selected, IReadOnlyList<SlotChoice> Slots);

/// <summary>Days first, then times: a person on a phone picks among a few buttons, not hundreds of slots.</summary>
public sealed class SlotPicker(SlotCalendar calendar, BookingSlots slots, IOptions<BookingOptions> options)
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-EC");

    public async Task<SlotPickerView> BuildAsync(string? agencyId, string? day, CancellationToken ct)
    {
        var choices = await AllAsync(agencyId, ct);
        var days = choices.GroupBy(c => c.Slot.LocalDay)
            .Select(g => new DayChoice(g.Key, DayLabel(g.Key), g.Count(c => c.Left > 0)))
            .ToList();
        var selected = days.FirstOrDefault(d => d.Value == day);
        var times = selected is null ? [] : choices.Where(c => c.Slot.LocalDay == selected.Day && c.Left > 0).ToList();
        return new SlotPickerView(days, selected, times);
    }

    /// <summary>Every offered slot of the video desk or of one agency, with the places left (0 when full).</summary>
    public async Task<IReadOnlyList<SlotChoice>> AllAsync(string? agencyId, CancellationToken ct)
    {
        var offered = calendar.Upcoming();
        if (offered.Count == 0)
        {
            return [];
        }

        var left = await slots.LeftAsync(agencyId, offered[0].Key, offered[^1].Key, ct);
        var capacity = options.Value.CapacityOf(agencyId);
        return offered.Select(s => new SlotChoice(s, left.GetValueOrDefault(s.Key, capacity))).ToList();
    }

    public static string DayLabel(DateOnly day) => day.ToString("dddd d 'de' MMMM", Spanish);

    public static string Describe(DateTimeOffset startsAt)
    {
        var local = Domain.EcuadorTime.ToLocal(startsAt);
        return $"{DayLabel(DateOnly.FromDateTime(local.DateTime))}, a las {local:HH:mm}";
    }
}
