using System.Text;
using IessClave.Web.Features.Agents;

namespace IessClave.Tests.Features.Agents;

public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Code_Rfc6238Sha1Vectors_Match(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(RfcKey, step, digits: 8));
    }

    [Fact]
    public void Code_Rfc4226HotpVectors_MatchWithSixDigits()
    {
        string[] expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];

        Assert.Equal(expected, Enumerable.Range(0, 10).Select(counter => Totp.Code(RfcKey, counter)));
    }

    [Fact]
    public void Match_WhenCodeIsOneStepOff_AcceptsAndTwoStepsOff_Refuses()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.Match(RfcKey, Totp.Code(RfcKey, step - 1), now, null).Step);
        Assert.Equal(step + 1, Totp.Match(RfcKey, Totp.Code(RfcKey, step + 1), now, null).Step);
        Assert.False(Totp.Match(RfcKey, Totp.Code(RfcKey, step - 2), now, null).Accepted);
        Assert.False(Totp.Match(RfcKey, Totp.Code(RfcKey, step + 2), now, null).Accepted);
    }

    [Fact]
    public void Match_WhenStepAlreadyAccepted_IsReuseAndRefused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);
        var code = Totp.Code(RfcKey, step);

        var reused = Totp.Match(RfcKey, code, now, lastAcceptedStep: step);

        Assert.True(reused.Reused);
        Assert.False(reused.Accepted);
        Assert.True(Totp.Match(RfcKey, Totp.Code(RfcKey, step + 1), now, lastAcceptedStep: step).Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void Match_WhenNotSixAsciiDigits_Refuses(string? code) =>
        Assert.Null(Totp.Match(RfcKey, code, DateTimeOffset.UnixEpoch, null).Step);

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_Rfc4648Vectors_EncodeAndDecode(string plain, string encoded)
    {
        Assert.Equal(encoded, Base32.Encode(Encoding.ASCII.GetBytes(plain)));
        Assert.Equal(plain, Encoding.ASCII.GetString(Base32.Decode(encoded.ToLowerInvariant() + "===")!));
    }

    [Fact]
    public void Base32_NewSecret_RoundTripsAndRejectsForeignCharacters()
    {
        var secret = Totp.NewSecret();

        Assert.Equal(secret, Base32.Decode(Base32.Grouped(Base32.Encode(secret))));
        Assert.Null(Base32.Decode("MZXW1"));
    }

    [Fact]
    public void KeyUri_NamesIssuerAndAccount()
    {
        var uri = Totp.KeyUri("ana.perez", "MZXW6YTBOI");

        Assert.Equal("otpauth://totp/IESS%20Clave:ana.perez?secret=MZXW6YTBOI&issuer=IESS%20Clave&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Theory]
    [InlineData("K7M2Q-X9C4T", "k7m2qx9c4t")]
    [InlineData(" k7m2q x9c4t ", "k7m2qx9c4t")]
    [InlineData("k7m2q-x9c4", null)]
    [InlineData("k7m2q-x9c40", null)]
    public void RecoveryCodes_Normalize(string typed, string? expected) =>
        Assert.Equal(expected, RecoveryCodes.Normalize(typed));

    [Fact]
    public void RecoveryCodes_New_AreWellFormedAndDifferent()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => RecoveryCodes.New()).ToList();

        Assert.All(codes, c => Assert.NotNull(RecoveryCodes.Normalize(c)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
