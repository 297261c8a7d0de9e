using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Room;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Room;

/// <summary>The agent's join link opens the room only for the agent who holds the case, signed in; a leaked link is useless.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoomAgentLinkTests(SharedPostgresApp app)
{
    [Fact]
    public async Task AgentLink_WithNobodySignedIn_IsRefusedWithASignInLink_AndStaysUnspent()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var (stranger, _) = RoomFlows.NewBrowser(app);
        var token = RoomFlows.TokenOf(meeting.AgentJoinUrl);

        using var page = await stranger.GetAsync(new Uri(meeting.AgentJoinUrl).PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        var validPage = await stranger.GetStringAsync(new Uri(meeting.AffiliateJoinUrl).PathAndQuery);
        var posted = await HtmlForms.PostAsync(stranger, validPage, RoomFeature.JoinPath, new Dictionary<string, string?> { ["t"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Este enlace es para el agente que atiende el caso", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/agentes/ingresar?ReturnUrl={Uri.EscapeDataString("/sala/unirse?t=" + token)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Entrar a la sala", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Null(posted.Location);
        Assert.Equal(0, await UsedAgentLinksAsync(meeting));

        // The agent it was meant for can still use it.
        var (agent, _, agentId) = await RoomFlows.NewAgentBrowserAsync(app);
        Assert.Equal(RoomFeature.RoomPath, (await RoomFlows.JoinAsync(agent, meeting.AgentJoinUrl)).Location);
        var roomId = Guid.Parse(meeting.ExternalId!);
        var joined = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.CaseId == roomId && e.Action == AuditActions.RoomJoined));
        Assert.Equal((AuditActors.Agent, agentId.ToString()), (joined.ActorType, joined.ActorId));
    }

    [Fact]
    public async Task AgentLink_OfACaseHeldByAnotherAgent_IsRefused_AndTheHolderGetsIn()
    {
        var (holder, _, holderId) = await RoomFlows.NewAgentBrowserAsync(app);
        var (other, _, _) = await RoomFlows.NewAgentBrowserAsync(app);
        var caseId = await CaseHeldByAsync(holderId);
        var meeting = await RoomFlows.OpenAsync(app, caseId);

        // The form of a page the other agent may open (looking at a link spends nothing), posted with the agent's token.
        var refused = await HtmlForms.PostAsync(other, await other.GetStringAsync(new Uri(meeting.AffiliateJoinUrl).PathAndQuery), RoomFeature.JoinPath,
            new Dictionary<string, string?> { ["t"] = RoomFlows.TokenOf(meeting.AgentJoinUrl) });
        using var othersPage = await other.GetAsync(new Uri(meeting.AgentJoinUrl).PathAndQuery);
        var unspent = await UsedAgentLinksAsync(meeting);
        var joined = await RoomFlows.JoinAsync(holder, meeting.AgentJoinUrl);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("esta sesión es de otro agente", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, othersPage.StatusCode);
        Assert.Equal(0, unspent);
        Assert.Equal(RoomFeature.RoomPath, joined.Location);
        Assert.Equal(1, await UsedAgentLinksAsync(meeting));
    }

    [Fact]
    public async Task AffiliateLink_NeedsNoSignIn()
    {
        var (holder, _, holderId) = await RoomFlows.NewAgentBrowserAsync(app);
        var meeting = await RoomFlows.OpenAsync(app, await CaseHeldByAsync(holderId));

        var joined = await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, meeting.AffiliateJoinUrl);

        Assert.Equal(RoomFeature.RoomPath, joined.Location);
        holder.Dispose();
    }

    private async Task<Guid> CaseHeldByAsync(Guid agentId)
    {
        var affiliate = await QueueTestData.NewLockedAsync(app);
        var caseId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(new UnlockCase
            {
                Id = caseId, AccountId = affiliate.AccountId, Channel = CaseChannel.VideoQueue, Status = CaseStatus.Open,
                OpenedAt = app.Time.GetUtcNow(), AgentId = agentId, HeldAt = app.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        return caseId;
    }

    private Task<int> UsedAgentLinksAsync(Web.Infrastructure.Meetings.Meeting meeting)
    {
        var roomId = Guid.Parse(meeting.ExternalId!);
        return app.WithDbAsync(db => db.RoomJoinTokens.CountAsync(t => t.RoomId == roomId && t.Role == RoomRole.Agent && t.UsedAt != null));
    }
}
