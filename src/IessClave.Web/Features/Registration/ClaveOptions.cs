using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Features.Registration;

public sealed class ClaveOptions
{
    public const string Section = "Clave";

    /// <summary>How long an activation (or new-clave) link can be used. The seed says 15 minutes.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(8, 64)]
    public int MinLength { get; set; } = 8;

    [Range(1, 20)]
    public int MaxFailedSignIns { get; set; } = 3;

    /// <summary>Null (the default) means a locked account stays locked until one of the three unlock ways.</summary>
    public TimeSpan? AutoUnlockAfter { get; set; }

    /// <summary>Birth-date tries per identification per window during registration, known or unknown alike.</summary>
    [Range(1, 100)]
    public int IdentityAttemptsPerWindow { get; set; } = 5;

    public TimeSpan IdentityAttemptWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the in-progress registration form stays valid between its steps.</summary>
    public TimeSpan RegistrationFormLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
