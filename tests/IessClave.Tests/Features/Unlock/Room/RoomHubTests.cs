using IessClave.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Features.Unlock.Room;

[Collection(PostgresCollection.Name)]
public sealed class RoomHubTests(SharedPostgresApp app)
{
    private const string Sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    [Fact]
    public async Task RoomHub_WithoutARoomCookie_RefusesTheConnection()
    {
        await using var anonymous = HubConnections.Create(app, "/hubs/sala", cookie: "");
        await using var forged = HubConnections.Create(app, "/hubs/sala", cookie: "iessclave.sala=CfDJ8forged");

        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => forged.StartAsync());
    }

    [Fact]
    public async Task Ready_WhenBothPeersAreIn_TellsBothToStartTheCall()
    {
        var (affiliateCookie, agentCookie) = await CookiesAsync();
        await using var agent = await RoomPeer.ConnectAsync(app, agentCookie, ready: false);
        var alone = await agent.ReadyAsync();
        await using var affiliate = await RoomPeer.ConnectAsync(app, affiliateCookie, ready: false);

        var together = await affiliate.ReadyAsync();

        Assert.Equal(("Agent", false), (alone.Role, alone.PeerPresent));
        Assert.Equal(("Affiliate", true), (together.Role, together.PeerPresent));
        await agent.WaitForAsync("PeerReady");
        await affiliate.WaitForAsync("PeerReady");
    }

    [Fact]
    public async Task Signals_AreRelayedOnlyToTheOtherPeerOfTheSameRoom()
    {
        var (affiliateCookie, agentCookie) = await CookiesAsync();
        var (_, otherRoomAgentCookie) = await CookiesAsync();
        await using var agent = await RoomPeer.ConnectAsync(app, agentCookie);
        await using var stranger = await RoomPeer.ConnectAsync(app, otherRoomAgentCookie);
        await using var affiliate = await RoomPeer.ConnectAsync(app, affiliateCookie);
        const string candidate = """{"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"abcd"}""";

        await affiliate.Hub.InvokeAsync("Offer", Sdp + "a=offer\r\n");
        await agent.Hub.InvokeAsync("Answer", Sdp + "a=answer\r\n");
        await agent.Hub.InvokeAsync("IceCandidate", candidate);
        await agent.WaitForAsync("Offer");
        await affiliate.WaitForAsync("IceCandidate");

        Assert.Equal([Sdp + "a=offer\r\n"], agent.All("Offer"));
        Assert.Equal([Sdp + "a=answer\r\n"], affiliate.All("Answer"));
        Assert.Equal([candidate], affiliate.All("IceCandidate"));
        Assert.Empty(affiliate.All("Offer"));
        Assert.Empty(agent.All("Answer"));
        Assert.DoesNotContain(stranger.Received, r => r.Method is "Offer" or "Answer" or "IceCandidate" or "PeerReady");
    }

    [Fact]
    public async Task Offer_BiggerThan16KB_IsRefused_ButALarge10KBOfferPasses()
    {
        var (affiliateCookie, agentCookie) = await CookiesAsync();
        await using var agent = await RoomPeer.ConnectAsync(app, agentCookie);
        await using var affiliate = await RoomPeer.ConnectAsync(app, affiliateCookie);
        var large = Sdp + new string('a', 10 * 1024);

        await Assert.ThrowsAsync<HubException>(() => affiliate.Hub.InvokeAsync("Offer", Sdp + new string('a', 16 * 1024)));
        await affiliate.Hub.InvokeAsync("Offer", large);

        await agent.WaitForAsync("Offer");
        Assert.Equal([large], agent.All("Offer"));
    }

    [Theory]
    [InlineData("Offer", "")]
    [InlineData("Offer", "not a session description")]
    [InlineData("Answer", "o=- 1 2 IN IP4 127.0.0.1")]
    [InlineData("IceCandidate", "not json")]
    [InlineData("IceCandidate", "null")]
    [InlineData("IceCandidate", "[]")]
    [InlineData("IceCandidate", "{}")]
    [InlineData("IceCandidate", """{"candidate":"a=evil"}""")]
    [InlineData("IceCandidate", """{"candidate":"candidate:1 1 udp 1 127.0.0.1 5 typ host","extra":"x"}""")]
    [InlineData("IceCandidate", """{"candidate":"candidate:1\r\na=evil"}""")]
    [InlineData("IceCandidate", "oversized")]
    public async Task Signals_OfTheWrongShapeOrSize_AreRefusedAndNotRelayed(string method, string argument)
    {
        var (affiliateCookie, agentCookie) = await CookiesAsync();
        await using var agent = await RoomPeer.ConnectAsync(app, agentCookie);
        await using var affiliate = await RoomPeer.ConnectAsync(app, affiliateCookie);
        if (argument == "oversized")
        {
            argument = $$"""{"candidate":"candidate:1 1 udp 1 127.0.0.1 5 typ host {{new string('x', 2048)}}"}""";
        }

        await Assert.ThrowsAsync<HubException>(() => affiliate.Hub.InvokeAsync(method, argument));
        await affiliate.Hub.InvokeAsync("Offer", Sdp);

        await agent.WaitForAsync("Offer");
        Assert.Equal([Sdp], agent.All("Offer"));
        Assert.Empty(agent.All("Answer"));
        Assert.Empty(agent.All("IceCandidate"));
    }

    [Fact]
    public async Task Offer_BeforeReady_IsRefused()
    {
        var (affiliateCookie, agentCookie) = await CookiesAsync();
        await using var agent = await RoomPeer.ConnectAsync(app, agentCookie);
        await using var affiliate = await RoomPeer.ConnectAsync(app, affiliateCookie, ready: false);

        await Assert.ThrowsAsync<HubException>(() => affiliate.Hub.InvokeAsync("Offer", Sdp));
    }

    private async Task<(string Affiliate, string Agent)> CookiesAsync()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        return (await RoomFlows.CookieForAsync(app, meeting.AffiliateJoinUrl), await RoomFlows.AgentCookieForAsync(app, meeting.AgentJoinUrl));
    }
}
