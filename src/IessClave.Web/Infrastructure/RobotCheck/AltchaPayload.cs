using System.Text.Json.Serialization;

namespace IessClave.Web.Infrastructure.RobotCheck;

/// <summary>
/// What the widget posts (base64 of this JSON) in the form field named by its <c>name</c> attribute:
/// the challenge echoed back plus the number it found. "took" (milliseconds) is informative only.
/// </summary>
internal sealed record AltchaPayload(
    [property: JsonPropertyName("algorithm")] string? Algorithm,
    [property: JsonPropertyName("challenge")] string? Challenge,
    [property: JsonPropertyName("number")] long? Number,
    [property: JsonPropertyName("salt")] string? Salt,
    [property: JsonPropertyName("signature")] string? Signature);
