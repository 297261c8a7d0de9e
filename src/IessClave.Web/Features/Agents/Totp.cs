using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IessClave.Web.Features.Agents;

/// <summary>The result of checking a code: the time step it matched, and whether that step was already used.</summary>
public readonly record struct TotpMatch(long? Step, bool Reused)
{
    public bool Accepted => Step is not null && !Reused;
}

/// <summary>
/// RFC 6238 time-based one-time passwords on RFC 4226 HOTP: HMAC-SHA1, 30-second steps, 6 digits, and one step
/// of tolerance either side for clock drift. A step at or before the last accepted one is refused (no reuse).
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public const int StepSeconds = 30;
    public const int ToleranceSteps = 1;

    /// <summary>160 bits, the HMAC-SHA1 key length RFC 4226 recommends.</summary>
    public const int SecretBytes = 20;

    public const string Issuer = "IESS Clave";

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public static long StepAt(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeSeconds(), StepSeconds).Quotient;

    /// <summary>HOTP(key, step) truncated to <paramref name="digits"/> decimal digits (6–8).</summary>
    public static string Code(ReadOnlySpan<byte> key, long step, int digits = Digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>Checks a typed code against the steps around <paramref name="now"/>, in constant time per step.</summary>
    public static TotpMatch Match(ReadOnlySpan<byte> key, string? code, DateTimeOffset now, long? lastAcceptedStep)
    {
        var candidate = Normalize(code);
        if (candidate is null)
        {
            return default;
        }

        var typed = Encoding.ASCII.GetBytes(candidate);
        var current = StepAt(now);
        long? fresh = null;
        long? used = null;
        for (var step = current - ToleranceSteps; step <= current + ToleranceSteps; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), typed))
            {
                continue;
            }

            if (lastAcceptedStep is { } last && step <= last)
            {
                used ??= step;
            }
            else
            {
                fresh ??= step;
            }
        }

        return fresh is not null ? new TotpMatch(fresh, false) : new TotpMatch(used, used is not null);
    }

    /// <summary>"123 456" and "123456" are the same code; null when it cannot be a code at all.</summary>
    public static string? Normalize(string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits is { Length: Digits } && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The Key URI an authenticator app reads from the QR code.</summary>
    public static string KeyUri(string userName, string base32Secret)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={base32Secret}&issuer={issuer}" +
            $"&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }
}
