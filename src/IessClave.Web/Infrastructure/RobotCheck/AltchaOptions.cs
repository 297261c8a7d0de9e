namespace IessClave.Web.Infrastructure.RobotCheck;

/// <summary>Settings of the self-hosted ALTCHA robot check (configuration section "RobotCheck").</summary>
public sealed class AltchaOptions
{
    public const string SectionName = "RobotCheck";

    /// <summary>
    /// Secret that signs challenges (its UTF-8 bytes are the HMAC-SHA-256 key; at least 32 characters).
    /// When empty, a random 32-byte key is generated once per process at start: fine for one node, but a
    /// challenge fetched from one node then fails on another and every restart voids open challenges.
    /// Deployments with several nodes MUST set the same HmacKey on all of them (from a secret store).
    /// </summary>
    public string? HmacKey { get; set; }

    /// <summary>Upper bound of the secret number the browser searches for: the proof-of-work cost.</summary>
    public int MaxNumber { get; set; } = 50_000;

    /// <summary>How long a fetched challenge may be solved and submitted.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When false the widget is not rendered and every payload verifies (development only).</summary>
    public bool Enabled { get; set; } = true;
}
