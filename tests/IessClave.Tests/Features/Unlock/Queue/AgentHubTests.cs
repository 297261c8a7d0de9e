using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Queue;

[Collection(PostgresCollection.Name)]
public sealed class AgentHubTests(SharedPostgresApp app)
{
    [Fact]
    public async Task TakeNext_OverTheAgentHub_CallsTheAffiliateLiveAndIsAudited()
    {
        await QueueTestSupport.DrainAsync(app);
        var (agent, cookie) = await SignedInAgentAsync(AgentRoles.Agent);
        await using var console = HubConnections.Create(app, QueueFeature.AgentHubPath, cookie);
        var overviews = new List<QueueOverview>();
        console.On<QueueOverview>("Overview", o =>
        {
            lock (overviews)
            {
                overviews.Add(o);
            }
        });
        await console.StartAsync();
        Assert.Equal("Available", await console.InvokeAsync<string>("SetStatus", "Available"));
        await using var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        await Eventually.TrueAsync(() => { lock (overviews) { return overviews.Any(o => o.Standard == 1); } }, "the console sees one caller waiting");

        var taken = await console.InvokeAsync<TakeResult>("TakeNext");

        Assert.Equal(nameof(TakeOutcome.Taken), taken.Outcome);
        Assert.Equal(caller.Joined.Ticket, taken.Case!.Ticket);
        await Eventually.TrueAsync(() => caller.Follower.Status == nameof(TicketStatus.Called), "the caller's page shows the call");
        var state = await console.InvokeAsync<AgentConsoleState>("GetState");
        Assert.Equal(caller.Joined.Ticket, state.ActiveCase!.Ticket);
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == agent.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.AgentStatusChanged, actions);
        Assert.Contains(AuditActions.QueueTaken, actions);
    }

    [Fact]
    public async Task AgentHub_WithoutAnAgentSession_RefusesTheConnection()
    {
        await using var anonymous = HubConnections.Create(app, QueueFeature.AgentHubPath, cookie: "");
        await using var affiliate = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        await using var withTicketCookie = HubConnections.Create(app, QueueFeature.AgentHubPath, affiliate.Cookie);

        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => withTicketCookie.StartAsync());
    }

    [Fact]
    public async Task AgentHub_ForASupervisorWithoutTheAgentRole_RefusesTheConnection()
    {
        var (_, cookie) = await SignedInAgentAsync(AgentRoles.Supervisor);
        await using var console = HubConnections.Create(app, QueueFeature.AgentHubPath, cookie);

        await Assert.ThrowsAnyAsync<Exception>(() => console.StartAsync());
    }

    [Fact]
    public async Task QueueHub_WithAnAgentCookie_RefusesTheConnection()
    {
        var (_, cookie) = await SignedInAgentAsync(AgentRoles.Agent);
        await using var wrongHub = HubConnections.Create(app, QueueFeature.AffiliateHubPath, cookie);

        await Assert.ThrowsAnyAsync<Exception>(() => wrongHub.StartAsync());
    }

    [Theory]
    [InlineData("Offline")]
    [InlineData("Disponible")]
    [InlineData("")]
    public async Task SetStatus_WithAnInvalidStatus_IsRefusedAndChangesNothing(string status)
    {
        var (agent, cookie) = await SignedInAgentAsync(AgentRoles.Agent);
        await using var console = HubConnections.Create(app, QueueFeature.AgentHubPath, cookie);
        await console.StartAsync();
        await console.InvokeAsync<string>("SetStatus", "Away");

        await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<string>("SetStatus", status));

        Assert.Equal(AgentStatus.Away, await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent).Select(a => a.Status).SingleAsync()));
    }

    private Task<(Guid Id, string Cookie)> SignedInAgentAsync(AgentRoles roles) => AgentConsoleClient.SignInAsync(app, roles);
}
