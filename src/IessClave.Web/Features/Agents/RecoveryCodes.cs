using System.Security.Cryptography;

namespace IessClave.Web.Features.Agents;

/// <summary>
/// One-time recovery codes such as "k7m2q-x9c4t": 10 characters of an alphabet without look-alikes (no 0/o,
/// 1/l/i), about 49 bits each. Shown once; only their PBKDF2 hashes are stored.
/// </summary>
public static class RecoveryCodes
{
    public const int Length = 10;
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return new string(chars, 0, Length / 2) + "-" + new string(chars, Length / 2, Length / 2);
    }

    /// <summary>The form that is hashed: lower case, without spaces or dashes; null when it cannot be a recovery code.</summary>
    public static string? Normalize(string? typed)
    {
        var value = typed?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return value is { Length: Length } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? value : null;
    }
}
