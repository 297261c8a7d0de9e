using System.Globalization;

namespace IessClave.Web.Domain;

/// <summary>Ecuador's civil time (America/Guayaquil, UTC-5, no daylight saving) as shown to people.</summary>
public static class EcuadorTime
{
    public const string ZoneId = "America/Guayaquil";

    public const string DisplayFormat = "dd/MM/yyyy HH:mm";

    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow()).DateTime);

    public static string Format(DateTimeOffset value) =>
        ToLocal(value).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // No tz database on this machine: Ecuador has kept a fixed UTC-5 since 1993.
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(-5), "Ecuador", "ECT");
        }
    }
}
