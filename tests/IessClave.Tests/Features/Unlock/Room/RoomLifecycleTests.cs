using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Room;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Room;

[Collection(PostgresCollection.Name)]
public sealed class RoomLifecycleTests(SharedPostgresApp app)
{
    [Fact]
    public async Task OpenAsync_Again_KeepsOneRoomAndReplacesTheUnusedLinks()
    {
        var caseId = Guid.NewGuid();
        var first = await RoomFlows.OpenAsync(app, caseId);
        var agentCookie = await RoomFlows.AgentCookieForAsync(app, first.AgentJoinUrl);

        var second = await RoomFlows.OpenAsync(app, caseId);
        var old = await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, first.AffiliateJoinUrl);
        var fresh = await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, second.AffiliateJoinUrl);

        Assert.Equal(HttpStatusCode.Gone, old.Status);
        Assert.Contains("fue reemplazado por uno más nuevo", old.Html, StringComparison.Ordinal);
        Assert.Equal(RoomFeature.RoomPath, fresh.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.MeetingRooms.CountAsync(r => r.Id == caseId)));
        var tokens = await app.WithDbAsync(db => db.RoomJoinTokens.Where(t => t.RoomId == caseId).ToListAsync());
        Assert.Equal(4, tokens.Count);
        Assert.Single(tokens, t => t.RevokedAt is not null); // the agent's first link was already used: nothing to revoke
        Assert.NotEmpty(agentCookie);
    }

    [Fact]
    public async Task CloseAsync_RefusesFurtherJoins_AndTheRoomPageSaysTheCallEnded()
    {
        var caseId = Guid.NewGuid();
        var meeting = await RoomFlows.OpenAsync(app, caseId);
        var (agent, _, _) = await RoomFlows.NewAgentBrowserAsync(app);
        Assert.Equal(RoomFeature.RoomPath, (await RoomFlows.JoinAsync(agent, meeting.AgentJoinUrl)).Location);

        await RoomFlows.CloseAsync(app, caseId);
        var late = await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, meeting.AffiliateJoinUrl);
        using var room = await agent.GetAsync(RoomFeature.RoomPath);

        Assert.Equal(HttpStatusCode.Gone, late.Status);
        Assert.Contains("La llamada terminó", late.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, room.StatusCode);
        Assert.Contains("La llamada terminó", await room.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-room ", await room.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.RoomOpened, AuditActions.RoomJoined, AuditActions.RoomClosed], actions);
    }

    [Fact]
    public async Task OpenAsync_AfterClose_ReopensTheRoomWithNewLinks()
    {
        var caseId = Guid.NewGuid();
        await RoomFlows.OpenAsync(app, caseId);
        await RoomFlows.CloseAsync(app, caseId);

        var again = await RoomFlows.OpenAsync(app, caseId);

        Assert.Equal(RoomFeature.RoomPath, (await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, again.AffiliateJoinUrl)).Location);
        Assert.Null(await app.WithDbAsync(db => db.MeetingRooms.Where(r => r.Id == caseId).Select(r => r.ClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task JoinLink_OpenedAgainInTheBrowserThatUsedIt_GoesBackToTheRoom()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var (browser, _) = RoomFlows.NewBrowser(app);
        await RoomFlows.JoinAsync(browser, meeting.AffiliateJoinUrl);

        using var again = await browser.GetAsync(new Uri(meeting.AffiliateJoinUrl).PathAndQuery);
        // The same browser with the other role's used link is refused: its cookie is for the affiliate.
        await RoomFlows.JoinAsync((await RoomFlows.NewAgentBrowserAsync(app)).Client, meeting.AgentJoinUrl);
        using var other = await browser.GetAsync(new Uri(meeting.AgentJoinUrl).PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(RoomFeature.RoomPath, again.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Gone, other.StatusCode);
    }

    [Fact]
    public async Task RoomPage_AloneMayUseTheCameraAndMicrophone_AndCarriesTheIceServersAsData()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var (browser, _, _) = await RoomFlows.NewAgentBrowserAsync(app);
        using var join = await browser.GetAsync(new Uri(meeting.AgentJoinUrl).PathAndQuery);
        await RoomFlows.JoinAsync(browser, meeting.AgentJoinUrl);

        using var room = await browser.GetAsync(RoomFeature.RoomPath);
        using var home = await browser.GetAsync("/");
        var html = await room.Content.ReadAsStringAsync();

        Assert.Equal("camera=(self), microphone=(self), geolocation=()", room.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("camera=(), microphone=(), geolocation=()", join.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("camera=(), microphone=(), geolocation=()", home.Headers.GetValues("Permissions-Policy").Single());
        Assert.Contains("script-src 'self'", room.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("data-ice-servers=\"[]\"", html, StringComparison.Ordinal);
        Assert.Contains("data-role=\"Agent\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinLinks_NeverReachTheLogs()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, meeting.AffiliateJoinUrl);
        await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, meeting.AffiliateJoinUrl);

        var logs = string.Join("\n", app.Factory.Logs.Lines);

        Assert.DoesNotContain(RoomFlows.TokenOf(meeting.AffiliateJoinUrl), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(RoomFlows.TokenOf(meeting.AgentJoinUrl), logs, StringComparison.Ordinal);
    }
}
