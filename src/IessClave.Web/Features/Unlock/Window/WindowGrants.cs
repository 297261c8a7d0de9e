using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Window;

/// <summary>
/// Proof that this agent searched for this account a moment ago (with a stated, audited reason): opening a case
/// needs one, so nobody opens cases by account id without the search being on record.
/// </summary>
public sealed class WindowGrants(IDataProtectionProvider protection, IOptions<WindowOptions> options, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("IessClave.WindowSearchGrant.v1");

    public string Issue(Guid agentId, Guid accountId)
    {
        var expires = (time.GetUtcNow() + options.Value.SearchGrantLifetime).ToUnixTimeMilliseconds();
        return protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{agentId:N}|{accountId:N}|{expires}"));
    }

    /// <summary>The account the grant is for, if it was issued to this agent and has not expired.</summary>
    public Guid? AccountFor(Guid agentId, string? grant)
    {
        if (string.IsNullOrEmpty(grant) || grant.Length > 1000)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = protector.Unprotect(grant).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }

        return parts.Length == 3 && Guid.TryParse(parts[0], out var agent) && agent == agentId && Guid.TryParse(parts[1], out var account)
               && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires) && time.GetUtcNow().ToUnixTimeMilliseconds() < expires
            ? account
            : null;
    }
}
