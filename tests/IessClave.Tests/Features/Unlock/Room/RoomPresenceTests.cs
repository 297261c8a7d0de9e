using IessClave.Tests.Support;
using IessClave.Web.Features.Unlock.Room;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Features.Unlock.Room;

/// <summary>Who counts as being in the room: one connection per role, leaving, and the end of the call.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoomPresenceTests(SharedPostgresApp app)
{
    private const string Sdp = "v=0\r\ns=-\r\n";

    [Fact]
    public async Task ASecondConnectionOfTheSameRole_ReplacesTheFirst()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var affiliateCookie = await RoomFlows.CookieForAsync(app, meeting.AffiliateJoinUrl);
        await using var agent = await RoomPeer.ConnectAsync(app, await RoomFlows.AgentCookieForAsync(app, meeting.AgentJoinUrl));
        await using var firstTab = await RoomPeer.ConnectAsync(app, affiliateCookie);

        await using var secondTab = await RoomPeer.ConnectAsync(app, affiliateCookie);
        await firstTab.WaitForAsync("Replaced");
        await Assert.ThrowsAsync<HubException>(() => firstTab.Hub.InvokeAsync("Offer", Sdp + "a=first\r\n"));
        await secondTab.Hub.InvokeAsync("Offer", Sdp + "a=second\r\n");

        await agent.WaitForAsync("Offer");
        Assert.Equal([Sdp + "a=second\r\n"], agent.All("Offer"));
        Assert.Equal(2, agent.All("PeerReady").Count); // each time the affiliate came in, the call restarts
    }

    [Fact]
    public async Task Leave_OrADroppedConnection_TellsTheOtherPeer()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var affiliateCookie = await RoomFlows.CookieForAsync(app, meeting.AffiliateJoinUrl);
        await using var agent = await RoomPeer.ConnectAsync(app, await RoomFlows.AgentCookieForAsync(app, meeting.AgentJoinUrl));
        await using (var affiliate = await RoomPeer.ConnectAsync(app, affiliateCookie))
        {
            await affiliate.Hub.InvokeAsync("Leave");
            await agent.WaitForAsync("PeerLeft");
            await Assert.ThrowsAsync<HubException>(() => affiliate.Hub.InvokeAsync("Offer", Sdp));
            await affiliate.ReadyAsync();
        }

        await agent.WaitForAsync("PeerLeft", count: 2);
    }

    [Fact]
    public async Task CloseAsync_TellsBothPeersTheCallEnded_AndNobodyCanComeBack()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var caseId = Guid.Parse(meeting.ExternalId!);
        var agentCookie = await RoomFlows.AgentCookieForAsync(app, meeting.AgentJoinUrl);
        await using var agent = await RoomPeer.ConnectAsync(app, agentCookie);
        await using var affiliate = await RoomPeer.ConnectAsync(app, await RoomFlows.CookieForAsync(app, meeting.AffiliateJoinUrl));

        await RoomFlows.CloseAsync(app, caseId);

        await agent.WaitForAsync("Ended");
        await affiliate.WaitForAsync("Ended");
        Assert.Equal([BuiltInRooms.EndedMessage], agent.All("Ended"));
        Assert.Equal("La llamada terminó.", BuiltInRooms.EndedMessage);
        await Assert.ThrowsAsync<HubException>(() => affiliate.Hub.InvokeAsync("Offer", Sdp));
        var again = await Assert.ThrowsAsync<HubException>(() => agent.ReadyAsync());
        Assert.Contains("La llamada terminó", again.Message, StringComparison.Ordinal);
        await using var late = await RoomPeer.ConnectAsync(app, agentCookie, ready: false);
        await Assert.ThrowsAsync<HubException>(() => late.ReadyAsync());
    }
}
