using System.Text.Json.Serialization;

namespace IessClave.Web.Infrastructure.RobotCheck;

/// <summary>
/// The challenge JSON the ALTCHA widget fetches from its <c>challenge</c> URL, in the v1/v2 format
/// ("algorithm", "challenge", "maxnumber", "salt", "signature") that widget v3 still accepts natively.
/// </summary>
public sealed record AltchaChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);
