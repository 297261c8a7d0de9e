using System.Security.Cryptography;
using System.Text;
using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.RobotCheck;
using static IessClave.Tests.Infrastructure.RobotCheck.RobotCheckTestHost;

namespace IessClave.Tests.Infrastructure.RobotCheck;

public class AltchaServiceTamperTests
{
    private readonly AltchaService _service = NewService(NewClock());

    public static TheoryData<string, Func<AltchaChallenge, long, string>> Tamperings => new()
    {
        { "number + 1", (c, n) => AltchaSolver.EncodePayload(c, n + 1) },
        { "negative number", (c, _) => AltchaSolver.EncodePayload(c, -1) },
        { "expiry pushed", (c, n) => AltchaSolver.EncodePayload(c with { Salt = c.Salt + "0" }, n) },
        { "salt and matching challenge", (c, n) => AltchaSolver.EncodePayload(Resalted(c, n), n) },
        { "signature byte", (c, n) => AltchaSolver.EncodePayload(c with { Signature = Flip(c.Signature) }, n) },
        { "challenge byte", (c, n) => AltchaSolver.EncodePayload(c with { Challenge = Flip(c.Challenge) }, n) },
        { "challenge upper case", (c, n) => AltchaSolver.EncodePayload(c with { Challenge = c.Challenge.ToUpperInvariant() }, n) },
        { "algorithm", (c, n) => AltchaSolver.EncodePayload(c with { Algorithm = "SHA-1" }, n) },
        { "algorithm case", (c, n) => AltchaSolver.EncodePayload(c with { Algorithm = "sha-256" }, n) },
        { "no expiry", (c, _) => SignedWithoutExpiry() },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Verify_WhenPayloadTampered_ReturnsFalseAndKeepsGenuineUsable(
        string what, Func<AltchaChallenge, long, string> tamper)
    {
        var challenge = _service.CreateChallenge();
        var number = AltchaSolver.FindNumber(challenge);

        Assert.False(_service.Verify(tamper(challenge, number)), what);
        Assert.True(_service.Verify(AltchaSolver.EncodePayload(challenge, number)), what);
    }

    public static TheoryData<string?> Garbage => new()
    {
        null,
        "",
        "   ",
        "%%% not base64 %%%",
        "QUJD=",
        B64("not json"),
        B64("null"),
        B64("[]"),
        B64("42"),
        B64("\"text\""),
        B64("{}"),
        B64("{\"algorithm\":\"SHA-256\"}"),
        B64("{\"algorithm\":\"SHA-256\",\"challenge\":\"00\",\"number\":\"7\",\"salt\":\"a?expires=9\",\"signature\":\"00\"}"),
        B64("{\"algorithm\":\"SHA-256\",\"challenge\":\"00\",\"number\":1.5,\"salt\":\"a\",\"signature\":\"00\"}"),
        B64("{\"algorithm\":\"SHA-256\",\"challenge\":\"00\",\"number\":1e300,\"salt\":\"a\",\"signature\":\"00\"}"),
        B64("{\"algorithm\":\"SHA-256\",\"challenge\":{},\"number\":1,\"salt\":[],\"signature\":null}"),
        B64(new string('[', 200) + new string(']', 200)),
        B64($"{{\"algorithm\":\"SHA-256\",\"challenge\":\"{new string('z', 64)}\",\"number\":1,\"salt\":\"a?expires=99999999999\",\"signature\":\"{new string('g', 64)}\"}}"),
        B64("{\"algorithm\":\"SHA-256\",\"salt\":\"a?expires=99999999999999999999999\"}"),
        Convert.ToBase64String([0xFF, 0xFE, 0x7B, 0x00]),
        Convert.ToBase64String([.. "{\"salt\":\""u8, 0xC3, 0x28, .. "\"}"u8]),
        new string('A', 4100),
        new string('A', 1_000_000),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Verify_WhenPayloadMalformed_ReturnsFalseWithoutThrowing(string? payload)
    {
        Assert.False(_service.Verify(payload));
    }

    [Fact]
    public void Verify_WhenGenuinePayloadInflatedPast4KB_ReturnsFalse()
    {
        var challenge = _service.CreateChallenge();
        var number = AltchaSolver.FindNumber(challenge);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(AltchaSolver.EncodePayload(challenge, number)));
        var inflated = B64(json.Insert(1, $"\"padding\":\"{new string('x', 3200)}\","));

        Assert.True(inflated.Length > 4096);
        Assert.False(_service.Verify(inflated));
        Assert.True(_service.Verify(AltchaSolver.EncodePayload(challenge, number)));
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Flip(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static AltchaChallenge Resalted(AltchaChallenge c, long number)
    {
        var salt = c.Salt.Replace("?expires=", "?expires=9", StringComparison.Ordinal);
        return c with { Salt = salt, Challenge = Hash(salt + number) };
    }

    // A correctly signed and solved challenge whose salt carries no expiry: must not live forever.
    private static string SignedWithoutExpiry()
    {
        var challenge = Hash("abcdef" + 5);
        var key = Encoding.UTF8.GetBytes(SharedKey);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge)));
        return AltchaSolver.EncodePayload(new AltchaChallenge("SHA-256", challenge, 1000, "abcdef", signature), 5);
    }
}
