using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Infrastructure.Health;

public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A mail still unsent after this long makes the app "Degraded" (the SMTP server or the jobs are stuck).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MailBacklogAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The live queue's frames stopped for this long: "Degraded" (the waiting pages no longer move).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan QueueSilentAfter { get; set; } = TimeSpan.FromSeconds(30);
}
