using System.Globalization;
using System.Text;
using IessClave.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace IessClave.Web.Infrastructure.Security;

/// <summary>Hashes claves and security answers with ASP.NET Core Identity's PBKDF2 PasswordHasher.</summary>
public sealed class SecretHasher
{
    private readonly PasswordHasher<ClaveAccount> hasher = new();

    // A real hash of a random value: verifying against it costs the same as verifying a real clave.
    private readonly string decoyHash;
    private long verifications;

    public SecretHasher() => decoyHash = hasher.HashPassword(null!, Guid.NewGuid().ToString());

    /// <summary>How many hash verifications this process has computed (the costly step an attacker could time).</summary>
    public long Verifications => Interlocked.Read(ref verifications);

    public string Hash(string secret) => hasher.HashPassword(null!, secret);

    public bool Verify(string hash, string candidate)
    {
        Interlocked.Increment(ref verifications);
        return hasher.VerifyHashedPassword(null!, hash, candidate) != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time of one verification, for paths that must not be faster (unknown ID).</summary>
    public void VerifyDecoy(string candidate) => Verify(decoyHash, candidate);

    public string HashAnswer(string answer) => Hash(NormalizeAnswer(answer));

    public bool VerifyAnswer(string hash, string candidate) => Verify(hash, NormalizeAnswer(candidate));

    /// <summary>"  José  Pérez " and "jose perez" are the same answer: case, accents and spacing do not count.</summary>
    public static string NormalizeAnswer(string answer)
    {
        var decomposed = answer.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var isSpace = char.IsWhiteSpace(c);
            if (!(isSpace && lastWasSpace))
            {
                sb.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
