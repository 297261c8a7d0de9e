using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IessClave.Tests.Support;
using static IessClave.Tests.Infrastructure.RobotCheck.RobotCheckTestHost;

namespace IessClave.Tests.Infrastructure.RobotCheck;

public class AltchaServiceTests
{
    [Fact]
    public void CreateChallenge_Always_SignsSha256OfSaltWithExpiryInside()
    {
        var clock = NewClock();
        var challenge = NewService(clock).CreateChallenge();

        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.Equal(1000, challenge.MaxNumber);
        Assert.Matches("^[0-9a-f]{64}$", challenge.Challenge);
        var expires = clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds();
        Assert.Matches($"^[0-9a-f]{{24}}\\?expires={expires}$", challenge.Salt);
        var key = Encoding.UTF8.GetBytes(SharedKey);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge.Challenge)));
        Assert.Equal(expected, challenge.Signature);
    }

    [Fact]
    public void CreateChallenge_Twice_GivesDifferentChallenges()
    {
        var service = NewService(NewClock());
        Assert.NotEqual(service.CreateChallenge().Salt, service.CreateChallenge().Salt);
    }

    [Fact]
    public void Verify_WhenPayloadSolvesChallenge_ReturnsTrue()
    {
        var service = NewService(NewClock());
        Assert.True(service.Verify(AltchaSolver.SolvePayload(service.CreateChallenge())));
    }

    [Fact]
    public void Verify_WhenSamePayloadPostedAgain_RefusesReplay()
    {
        var service = NewService(NewClock());
        var payload = AltchaSolver.SolvePayload(service.CreateChallenge());

        Assert.True(service.Verify(payload));
        Assert.False(service.Verify(payload));
        Assert.False(service.Verify(payload));
    }

    [Fact]
    public void Verify_WhenReplayedWithSignatureInOtherCase_RefusesReplay()
    {
        var service = NewService(NewClock());
        var challenge = service.CreateChallenge();
        var number = AltchaSolver.FindNumber(challenge);

        Assert.True(service.Verify(AltchaSolver.EncodePayload(challenge, number)));
        var upper = challenge with { Signature = challenge.Signature.ToUpperInvariant() };
        Assert.False(service.Verify(AltchaSolver.EncodePayload(upper, number)));
    }

    [Fact]
    public void Verify_WhenChallengeLifetimePassed_ReturnsFalse()
    {
        var clock = NewClock();
        var service = NewService(clock);
        var payload = AltchaSolver.SolvePayload(service.CreateChallenge());

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.False(service.Verify(payload));
    }

    [Fact]
    public void Verify_WhenJustBeforeExpiry_ReturnsTrue()
    {
        var clock = NewClock();
        var service = NewService(clock);
        var payload = AltchaSolver.SolvePayload(service.CreateChallenge());

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.True(service.Verify(payload));
    }

    [Fact]
    public void Verify_WhenSignedWithAnotherKey_ReturnsFalse()
    {
        var clock = NewClock();
        var other = NewService(clock, hmacKey: "another-hmac-key-that-is-long-enough-000");
        var payload = AltchaSolver.SolvePayload(other.CreateChallenge());

        Assert.False(NewService(clock).Verify(payload));
    }

    [Fact]
    public void Verify_WhenNoKeyConfigured_EachProcessHasItsOwnRandomKey()
    {
        var clock = NewClock();
        var nodeA = NewService(clock, hmacKey: null);
        var nodeB = NewService(clock, hmacKey: "");
        var challenge = nodeA.CreateChallenge();

        Assert.False(nodeB.Verify(AltchaSolver.SolvePayload(challenge)));
        Assert.True(nodeA.Verify(AltchaSolver.SolvePayload(challenge)));
    }

    [Fact]
    public void Verify_WhenAnotherNodeSharesTheKey_ReturnsTrue()
    {
        var clock = NewClock();
        var payload = AltchaSolver.SolvePayload(NewService(clock).CreateChallenge());

        Assert.True(NewService(clock).Verify(payload));
    }

    [Fact]
    public void Verify_WhenDisabled_AcceptsAnything()
    {
        var service = NewService(NewClock(), enabled: false);

        Assert.False(service.IsEnabled);
        Assert.True(service.Verify(null));
    }

    [Fact]
    public void Solver_FindsTheNumberTheServerHid()
    {
        var challenge = NewService(NewClock()).CreateChallenge();
        var number = AltchaSolver.FindNumber(challenge);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Salt + number.ToString(CultureInfo.InvariantCulture)));

        Assert.InRange(number, 0, challenge.MaxNumber);
        Assert.Equal(challenge.Challenge, Convert.ToHexStringLower(hash));
    }
}
