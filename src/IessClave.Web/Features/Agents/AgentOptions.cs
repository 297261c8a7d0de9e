using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Features.Agents;

public sealed class AgentOptions
{
    public const string Section = "Agents";

    /// <summary>Consecutive wrong passwords, or wrong second-factor codes, that lock an agent account.</summary>
    [Range(1, 20)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long the half-signed-in state (password accepted, code not yet) lasts.</summary>
    public TimeSpan PendingSignInLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Absolute lifetime of the agent's session cookie (no sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(10, 64)]
    public int PasswordMinLength { get; set; } = 12;

    [Range(5, 20)]
    public int RecoveryCodeCount { get; set; } = 10;
}
