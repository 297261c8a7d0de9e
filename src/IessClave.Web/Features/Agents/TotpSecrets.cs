using Microsoft.AspNetCore.DataProtection;

namespace IessClave.Web.Features.Agents;

/// <summary>Keeps TOTP secrets encrypted at rest with the app's data-protection keys (stored as protected Base32).</summary>
public sealed class TotpSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("IessClave.AgentTotpSecret.v1");

    public string Protect(string base32Secret) => protector.Protect(base32Secret);

    public string UnprotectBase32(string protectedSecret) => protector.Unprotect(protectedSecret);

    public byte[] UnprotectKey(string protectedSecret) =>
        Base32.Decode(UnprotectBase32(protectedSecret)) ?? throw new InvalidOperationException("The stored TOTP secret is not Base32.");
}
