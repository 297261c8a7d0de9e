namespace IessClave.Web.Infrastructure.Data;

/// <summary>
/// Times as both databases keep them exactly: PostgreSQL stores whole microseconds and the SQLite binary form a
/// tenth of a millisecond, while .NET has 100 ns ticks. Whole milliseconds survive both.
/// </summary>
public static class DatabaseTime
{
    /// <summary>
    /// Use when a time is both stored and carried elsewhere (a job argument) and the two are compared later:
    /// the value read back then equals the one carried.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));
}
