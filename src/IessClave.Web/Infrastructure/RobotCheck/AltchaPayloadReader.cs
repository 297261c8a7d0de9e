using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace IessClave.Web.Infrastructure.RobotCheck;

/// <summary>Tolerant parsing of untrusted widget input: every method returns null/false instead of throwing.</summary>
internal static class AltchaPayloadReader
{
    internal const int MaxPayloadLength = 4096;
    private const int HashHexLength = 64;
    private const string ExpiresParameter = "expires=";

    public static AltchaPayload? Read(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload) || payload.Length > MaxPayloadLength)
        {
            return null;
        }

        var bytes = new byte[(payload.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(payload.Trim(), bytes, out var written))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AltchaPayload>(bytes.AsSpan(0, written));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the "expires" unix-seconds parameter the server embedded in the salt.</summary>
    public static bool TryParseExpiry(string salt, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        var query = salt.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return false;
        }

        foreach (var part in salt[(query + 1)..].Split('&'))
        {
            if (part.StartsWith(ExpiresParameter, StringComparison.Ordinal) &&
                long.TryParse(part.AsSpan(ExpiresParameter.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
                seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes a 64-character hex SHA-256 value (challenge or signature).</summary>
    public static bool TryFromHexHash(string hex, out byte[] bytes)
    {
        bytes = new byte[HashHexLength / 2];
        return hex.Length == HashHexLength &&
            Convert.FromHexString(hex, bytes, out _, out var written) == OperationStatus.Done &&
            written == bytes.Length;
    }
}
