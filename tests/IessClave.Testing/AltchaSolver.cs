using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IessClave.Web.Infrastructure.RobotCheck;

namespace IessClave.Testing;

/// <summary>
/// Does what the ALTCHA widget does in the browser: brute-forces the number behind a challenge and builds the
/// base64 payload it posts in the "altcha" form field. Keep RobotCheck:MaxNumber small in tests (e.g. 1000).
/// </summary>
public static class AltchaSolver
{
    /// <summary>The base64 payload the widget would post for <paramref name="challenge"/>.</summary>
    public static string SolvePayload(AltchaChallenge challenge) =>
        EncodePayload(challenge, FindNumber(challenge));

    /// <summary>The number n in 0..maxnumber with hex(sha256(salt + n)) == challenge.</summary>
    public static long FindNumber(AltchaChallenge challenge)
    {
        for (long number = 0; number <= challenge.MaxNumber; number++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Salt + number.ToString(CultureInfo.InvariantCulture)));
            if (Convert.ToHexStringLower(hash) == challenge.Challenge)
            {
                return number;
            }
        }

        throw new InvalidOperationException("The challenge has no solution up to its maxnumber.");
    }

    /// <summary>The widget's payload JSON (same fields and order), base64-encoded; values as given.</summary>
    public static string EncodePayload(AltchaChallenge challenge, long number) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            algorithm = challenge.Algorithm,
            challenge = challenge.Challenge,
            number,
            salt = challenge.Salt,
            signature = challenge.Signature,
            took = 42,
        }));
}
