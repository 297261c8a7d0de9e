namespace IessClave.Web.Infrastructure.Security;

/// <summary>How the data-protection keys (stored in the database) are protected at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key: every key written to the database is encrypted with it.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password (from the environment or a secret store, never from a file in the repo).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Older .pfx files (same password) that can still decrypt keys written before a certificate rotation.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    /// <summary>Refuse to start without <see cref="CertificatePath"/> (production should set this).</summary>
    public bool RequireEncryptedKeys { get; set; }
}
