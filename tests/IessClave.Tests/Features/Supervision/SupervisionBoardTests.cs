using System.Collections.Concurrent;
using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Supervision.Dashboard;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Features.Supervision;

/// <summary>/supervision/tablero and /hubs/supervision: the queue and the agents now, pushed to supervisors only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SupervisionBoardTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Board_PushesWhoServesWhom_OverARealWebSocket()
    {
        await QueueTestSupport.DrainAsync(app);
        var (_, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);
        await using var board = HubConnections.Create(app, SupervisionHub.Path, supervisor);
        var pushed = new ConcurrentQueue<SupervisionSnapshot>();
        board.On<SupervisionSnapshot>("Board", pushed.Enqueue);
        await board.StartAsync();
        var locked = await QueueTestData.NewLockedAsync(app);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, locked);
        await using var agent = await AgentConsoleClient.ConnectAsync(app, AgentRoles.Agent);
        var agentName = await AgentNameAsync(agent.Id);

        var before = await board.InvokeAsync<SupervisionSnapshot>("GetBoard");
        await agent.TakeNextAsync();

        await Eventually.TrueAsync(() => pushed.Any(s => Row(s, agentName)?.Channel == "Videollamada"), "a pushed board shows the agent serving", TimeSpan.FromSeconds(15));
        var after = pushed.Last(s => Row(s, agentName)?.Channel == "Videollamada");
        var row = Row(after, agentName)!;
        Assert.Equal(("Disponible", true), (row.Status, row.Connected));
        Assert.NotNull(row.HeldSince);
        Assert.Null(Row(before, agentName)!.Channel);
        Assert.True(before.WaitingStandard + before.WaitingPriority >= 1, "the caller was waiting before the take");
    }

    [Fact]
    public async Task Board_CountsTodaysOutcomes()
    {
        var (_, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);
        await using var board = HubConnections.Create(app, SupervisionHub.Path, supervisor);
        await board.StartAsync();
        var before = await board.InvokeAsync<SupervisionSnapshot>("GetBoard");

        await AddClosedCaseAsync(CaseStatus.Unlocked, app.Time.GetUtcNow());
        await AddClosedCaseAsync(CaseStatus.Rejected, app.Time.GetUtcNow());
        await AddClosedCaseAsync(CaseStatus.Unlocked, app.Time.GetUtcNow().AddDays(-1)); // yesterday: not counted
        var after = await board.InvokeAsync<SupervisionSnapshot>("GetBoard");

        Assert.Equal((before.UnlockedToday + 1, before.RejectedToday + 1), (after.UnlockedToday, after.RejectedToday));
    }

    [Fact]
    public async Task Board_IsForSupervisorsOnly()
    {
        var (_, agent) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Agent);
        var (_, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);
        await using var agentsBoard = HubConnections.Create(app, SupervisionHub.Path, agent);
        await using var anonymousBoard = HubConnections.Create(app, SupervisionHub.Path, "");

        await Assert.ThrowsAnyAsync<Exception>(() => agentsBoard.StartAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => anonymousBoard.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await StaffPages.GetAsync(app, "/supervision/tablero", agent)).Status);
        var (status, html) = await StaffPages.GetAsync(app, "/supervision/tablero", supervisor);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tablero en vivo", html, StringComparison.Ordinal);
        Assert.Contains("data-b-agents", html, StringComparison.Ordinal);
    }

    private static AgentOnBoard? Row(SupervisionSnapshot snapshot, string name) => snapshot.Agents.SingleOrDefault(a => a.Name == name);

    private Task<string> AgentNameAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var a = await db.Agents.FindAsync(id);
        return $"{a!.DisplayName} ({a.UserName})";
    });

    private async Task AddClosedCaseAsync(CaseStatus status, DateTimeOffset closedAt)
    {
        var locked = await QueueTestData.NewLockedAsync(app);
        await app.WithDbAsync(db =>
        {
            db.Cases.Add(new UnlockCase
            {
                Id = Guid.NewGuid(), AccountId = locked.AccountId, Channel = CaseChannel.Window, Status = status,
                OpenedAt = closedAt.AddMinutes(-10), ClosedAt = closedAt,
            });
            return db.SaveChangesAsync();
        });
    }

}
