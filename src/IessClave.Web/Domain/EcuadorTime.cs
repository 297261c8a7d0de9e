namespace IessClave.Web.Domain;

/// <summary>Ecuador's mainland time (UTC−5, no daylight saving), for dates people type and read.</summary>
public static class EcuadorTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Guayaquil");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("America/Guayaquil", TimeSpan.FromHours(-5), "Ecuador", "ECT");
        }
    }
}
