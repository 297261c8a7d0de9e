using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace IessClave.Web.Infrastructure.Security;

/// <summary>256-bit random link tokens; only the SHA-256 hash is ever stored or compared.</summary>
public static class LinkTokens
{
    public const int TokenBytes = 32;

    public static (string Raw, byte[] Hash) Create()
    {
        var raw = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
        return (raw, Hash(raw));
    }

    /// <summary>Hashes a candidate token; null when it cannot be one of ours (wrong length or alphabet).</summary>
    public static byte[]? TryHash(string? raw)
    {
        if (raw is null || raw.Length != 43 || !raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        return Hash(raw);
    }

    private static byte[] Hash(string raw) => SHA256.HashData(Encoding.ASCII.GetBytes(raw));
}
