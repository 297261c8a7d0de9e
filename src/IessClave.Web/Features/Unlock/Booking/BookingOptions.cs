using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>When video calls can be booked. Times of day are Ecuador's (<see cref="Domain.EcuadorTime"/>).</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    public TimeSpan SlotLength { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How many calls one slot takes (agents on duty for booked calls).</summary>
    [Range(1, 1000)]
    public int CapacityPerSlot { get; set; } = 2;

    /// <summary>Slots are offered from today up to this many days ahead.</summary>
    [Range(1, 60)]
    public int DaysAhead { get; set; } = 14;

    public TimeOnly OpensAt { get; set; } = new(8, 0);

    /// <summary>The last slot ends at or before this time.</summary>
    public TimeOnly ClosesAt { get; set; } = new(16, 30);

    public DayOfWeek[] WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>A slot must start at least this long after the booking is made.</summary>
    public TimeSpan MinimumLead { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long after the slot starts the affiliate may still arrive; then the booking is a no-show.</summary>
    public TimeSpan ArrivalTolerance { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan FirstReminder { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan SecondReminder { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Agencies whose service windows take appointments (same hours as the video desk).</summary>
    public List<AgencyOptions> Agencies { get; set; } = [];

    public AgencyOptions? Agency(string? id) => id is null ? null : Agencies.FirstOrDefault(a => a.Id == id);

    public int CapacityOf(string? agencyId) => Agency(agencyId)?.CapacityPerSlot ?? CapacityPerSlot;

    /// <summary>Null when the options make sense, else what is wrong (checked at start-up).</summary>
    public string? Problem() =>
        SlotLength < TimeSpan.FromMinutes(5) || SlotLength > TimeSpan.FromHours(2) ? "Booking:SlotLength must be between 5 minutes and 2 hours."
        : OpensAt.Add(SlotLength) > ClosesAt || OpensAt.Add(SlotLength) < OpensAt ? "Booking:ClosesAt must leave room for at least one slot after OpensAt."
        : WorkingDays.Length == 0 ? "Booking:WorkingDays needs at least one day."
        : MinimumLead < TimeSpan.Zero ? "Booking:MinimumLead cannot be negative."
        : ArrivalTolerance <= TimeSpan.Zero || ArrivalTolerance > SlotLength ? "Booking:ArrivalTolerance must be positive and at most one slot."
        : SecondReminder <= TimeSpan.Zero || FirstReminder <= SecondReminder ? "Booking:FirstReminder must come before SecondReminder, both before the slot."
        : Agencies.Any(a => !a.IsValid()) ? "Booking:Agencies: each needs an Id (lowercase letters, digits, '-'; up to 60), a Name, an Address and a CapacityPerSlot of 1–1000."
        : Agencies.Select(a => a.Id).Distinct().Count() != Agencies.Count ? "Booking:Agencies: ids must be unique."
        : null;
}

public sealed class AgencyOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public int CapacityPerSlot { get; set; } = 2;

    public bool IsValid() =>
        Id.Length is > 0 and <= 60 && Id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !string.IsNullOrWhiteSpace(Name) && Name.Length <= 120 && !string.IsNullOrWhiteSpace(Address) && Address.Length <= 200
        && CapacityPerSlot is >= 1 and <= 1000;

    public string Place => $"{Name}, {Address}";
}
