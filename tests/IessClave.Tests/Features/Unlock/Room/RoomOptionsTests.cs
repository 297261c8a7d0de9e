using IessClave.Web.Features.Unlock.Room;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Features.Unlock.Room;

public sealed class RoomOptionsTests
{
    [Fact]
    public void Defaults_HaveNoIceServers_AndAreValid()
    {
        var options = new RoomOptions();

        Assert.Empty(options.IceServers);
        Assert.Empty(RoomOptions.Problems(options));
        Assert.Equal("[]", new SalaModel(null!, Options.Create(options)).IceServersJson);
    }

    [Fact]
    public void StunAndTurnServers_AreHandedToTheBrowserAsRtcIceServers()
    {
        var options = new RoomOptions
        {
            IceServers =
            [
                new IceServerOptions { Urls = ["stun:stun.iess.example:3478"] },
                new IceServerOptions { Urls = ["turn:turn.iess.example:3478?transport=udp", "turns:turn.iess.example:5349"], Username = "sala", Credential = "s3creta" },
            ],
        };

        Assert.Empty(RoomOptions.Problems(options));
        Assert.Equal(
            """[{"urls":["stun:stun.iess.example:3478"]},{"urls":["turn:turn.iess.example:3478?transport=udp","turns:turn.iess.example:5349"],"username":"sala","credential":"s3creta"}]""",
            new SalaModel(null!, Options.Create(options)).IceServersJson);
    }

    [Theory]
    [InlineData("https://stun.example", null, null, "not a stun:")]
    [InlineData("turn:turn.example:3478", null, null, "needs Username and Credential")]
    [InlineData("turn:turn.example:3478", "user", "", "needs Username and Credential")]
    public void BadIceServers_AreNamedAtStart(string url, string? user, string? credential, string problem)
    {
        var options = new RoomOptions { IceServers = [new IceServerOptions { Urls = [url], Username = user, Credential = credential }] };

        Assert.Contains(RoomOptions.Problems(options), p => p.Contains(problem, StringComparison.Ordinal) && p.StartsWith("Room:IceServers:0", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIceServerWithoutUrls_OrAnOddCookieLifetime_IsRefused()
    {
        var options = new RoomOptions { IceServers = [new IceServerOptions()], CookieLifetime = TimeSpan.Zero };

        Assert.Equal(2, RoomOptions.Problems(options).Count());
    }

    [Fact]
    public void AddRoom_WithATurnServerWithoutCredentials_StopsTheAppNamingTheKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Room:IceServers:0:Urls:0"] = "turn:turn.iess.example:3478" }).Build();
        using var services = new ServiceCollection().AddLogging().AddRoom(config).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RoomOptions>>().Value);

        Assert.Contains("Room:IceServers:0 is a TURN server: it needs Username and Credential.", error.Message, StringComparison.Ordinal);
    }
}
