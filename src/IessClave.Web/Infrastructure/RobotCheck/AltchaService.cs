using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.RobotCheck;

/// <summary>
/// Issues and verifies ALTCHA proof-of-work challenges (v1/v2 protocol, SHA-256):
/// challenge = hex(sha256(salt + number)), signature = hex(hmac_sha256(key, challenge)),
/// salt = "randomhex?expires=unixSeconds". A solved challenge is accepted once.
/// </summary>
public sealed class AltchaService
{
    public const string Algorithm = "SHA-256";

    private readonly AltchaOptions _options;
    private readonly TimeProvider _time;
    private readonly IMemoryCache _usedChallenges;
    private readonly byte[] _key;
    private readonly Lock _replayLock = new();

    public AltchaService(IOptions<AltchaOptions> options, TimeProvider time, IMemoryCache cache)
    {
        _options = options.Value;
        _time = time;
        _usedChallenges = cache;
        _key = string.IsNullOrEmpty(_options.HmacKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Encoding.UTF8.GetBytes(_options.HmacKey);
    }

    public bool IsEnabled => _options.Enabled;

    public AltchaChallenge CreateChallenge()
    {
        var expires = _time.GetUtcNow().Add(_options.ChallengeLifetime).ToUnixTimeSeconds();
        var salt = string.Create(
            CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}");
        var number = RandomNumberGenerator.GetInt32(0, _options.MaxNumber + 1);
        var challenge = Convert.ToHexStringLower(HashOf(salt, number));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(challenge)));
        return new AltchaChallenge(Algorithm, challenge, _options.MaxNumber, salt, signature);
    }

    /// <summary>
    /// True when <paramref name="payload"/> (the widget's base64 form value) solves a challenge this server
    /// signed, that has not expired and was not used before. Never throws on client input.
    /// Always true when the robot check is disabled.
    /// </summary>
    public bool Verify(string? payload)
    {
        if (!_options.Enabled)
        {
            return true;
        }

        var solution = AltchaPayloadReader.Read(payload);
        if (solution is not { Algorithm: Algorithm, Challenge: { } challenge, Number: long number and >= 0,
                Salt: { } salt, Signature: { } signature })
        {
            return false;
        }

        var now = _time.GetUtcNow();
        if (!AltchaPayloadReader.TryParseExpiry(salt, out var expiresAt) || now >= expiresAt)
        {
            return false;
        }

        if (!AltchaPayloadReader.TryFromHexHash(challenge, out var challengeBytes) ||
            !AltchaPayloadReader.TryFromHexHash(signature, out var signatureBytes))
        {
            return false;
        }

        var expectedSignature = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(challenge));
        if (!CryptographicOperations.FixedTimeEquals(HashOf(salt, number), challengeBytes) ||
            !CryptographicOperations.FixedTimeEquals(expectedSignature, signatureBytes))
        {
            return false;
        }

        return MarkUsed(signatureBytes, expiresAt - now);
    }

    // Replay guard: remembers used challenges until they expire. This is per process, which is enough for one
    // node; several nodes need a shared store (e.g. Redis or the database with a unique key on the signature).
    // The lifetime is relative (the cache has its own clock), with a minute of slack past the expiry.
    // Keyed by the signature's bytes, so "AB…" and "ab…" (both valid hex) are one challenge.
    private bool MarkUsed(byte[] signature, TimeSpan remaining)
    {
        var key = "robot-check:used:" + Convert.ToHexStringLower(signature);
        lock (_replayLock)
        {
            if (_usedChallenges.TryGetValue(key, out _))
            {
                return false;
            }

            using var entry = _usedChallenges.CreateEntry(key);
            entry.Value = true;
            entry.AbsoluteExpirationRelativeToNow = remaining + TimeSpan.FromMinutes(1);
            entry.Size = 1;
        }

        return true;
    }

    private static byte[] HashOf(string salt, long number) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture)));
}
