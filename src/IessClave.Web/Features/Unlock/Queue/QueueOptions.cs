using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Features.Unlock.Queue;

public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>How often the one shared frame goes to every waiting affiliate (only when something changed).</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a closed tab or a lost connection keeps the place.</summary>
    public TimeSpan ReconnectGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A called affiliate who does not answer within this time is a no-show.</summary>
    public TimeSpan CallResponseTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Service time assumed for the ETA until enough calls have been measured.</summary>
    public TimeSpan DefaultServiceTime { get; set; } = TimeSpan.FromMinutes(6);

    [Range(1, 1000)]
    public int ServiceTimeSamples { get; set; } = 30;

    [Range(0, 130)]
    public int PriorityAge { get; set; } = 65;

    /// <summary>SignalR message size limit for the queue hubs (clients send almost nothing).</summary>
    [Range(1024, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 4096;
}
