using System.Globalization;

namespace IessClave.Bench.Hosting;

/// <summary>
/// The app's configuration for a benchmark phase: production mode on PostgreSQL (data and Hangfire), mail to an
/// outbox folder, no demo data. The same keys configure the app process and the harness's in-process services.
/// </summary>
public static class AppSettings
{
    public static Dictionary<string, string?> For(string connectionString, Uri baseUrl, TimeSpan frameInterval, string outboxDir, bool runJobServer) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["Database:MigrateOnStart"] = "true",
        ["Jobs:Schema"] = "hangfire",
        ["Jobs:RunServer"] = runJobServer ? "true" : "false",
        ["Mail:Delivery"] = "Outbox",
        ["Mail:OutboxPath"] = outboxDir,
        ["Site:PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/'),
        ["Site:ShowDevOutbox"] = "false",
        ["Site:SeedDemoRegistry"] = "false",
        ["RobotCheck:HmacKey"] = "bench-robot-check-key-0123456789abcdef",
        ["Queue:FrameInterval"] = frameInterval.ToString("c", CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>As command-line settings for the app process (`--Key=Value`).</summary>
    public static IEnumerable<string> AsArguments(this Dictionary<string, string?> settings) =>
        settings.Select(s => $"--{s.Key}={s.Value}");
}
