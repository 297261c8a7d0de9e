using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>
/// The code shown in the affiliate's own browser, read aloud on the call: it ties the person on the call to the
/// session that queued. Kept encrypted (the page must show it again after a reconnect), compared in constant time.
/// </summary>
public sealed class OneTimeCodes(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("IessClave.CaseOneTimeCode.v1");

    public (string Code, string Protected) Create(int digits)
    {
        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, digits)).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
        return (code, protector.Protect(code));
    }

    public string? Reveal(string? protectedCode) => protectedCode is null ? null : protector.Unprotect(protectedCode);

    public bool Matches(string? protectedCode, string? typed)
    {
        var expected = Reveal(protectedCode);
        var candidate = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        return expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(candidate));
    }
}
