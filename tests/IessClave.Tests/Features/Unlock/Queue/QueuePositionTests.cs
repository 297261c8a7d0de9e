using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Features.Unlock.Queue;

[Collection(PostgresCollection.Name)]
public sealed class QueuePositionTests(SharedPostgresApp app)
{
    [Fact]
    public async Task LivePositions_AfterJoinsMiddleLeavesPriorityArrivalsAndReturns_MatchTheDatabase()
    {
        await QueueTestSupport.DrainAsync(app);
        var clients = new List<AffiliateQueueClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app)));
        }

        await AssertFollowersMatchDatabaseAsync(clients, "after five joins");
        Assert.Equal([1, 2, 3, 4, 5], clients.Select(c => c.Follower.Position));

        // Someone in the middle leaves.
        await clients[2].Hub!.InvokeAsync<TicketSnapshot>("Leave");
        await AssertFollowersMatchDatabaseAsync(clients.Where((_, i) => i != 2), "after a middle leave");
        Assert.Equal([1, 2, 3, 4], clients.Where((_, i) => i != 2).Select(c => c.Follower.Position));

        // A 70-year-old goes to the priority lane, ahead of everybody in the standard lane.
        var elder = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app, new DateOnly(1950, 1, 1)));
        clients.Add(elder);
        var waiting = clients.Where((_, i) => i != 2).ToList();
        await AssertFollowersMatchDatabaseAsync(waiting, "after a priority arrival");
        Assert.Equal(1, elder.Follower.Position);
        Assert.Equal(2, clients[0].Follower.Position);

        // An agent takes the head (the elder), then returns them: they get their place back.
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);
        var (outcome, taken) = await QueueTestSupport.TakeNextAsync(app, agent);
        Assert.Equal((TakeOutcome.Taken, elder.Joined.Ticket), (outcome, taken!.Ticket));
        await AssertFollowersMatchDatabaseAsync(waiting.Where(c => c != elder), "after a claim");
        Assert.Equal(1, clients[0].Follower.Position);

        await QueueTestSupport.ReturnAsync(app, agent);
        await AssertFollowersMatchDatabaseAsync(waiting, "after a return to the queue");
        Assert.Equal(1, elder.Follower.Position);
        Assert.Equal(2, clients[0].Follower.Position);

        foreach (var c in clients)
        {
            await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task SecondJoin_ForTheSameAccount_ReturnsTheSameTicket()
    {
        var who = await QueueTestData.NewLockedAsync(app);

        await using var first = await AffiliateQueueClient.JoinAsync(app, who, connect: false);
        await using var second = await AffiliateQueueClient.JoinAsync(app, who, connect: false);

        Assert.Equal(first.Joined.Ticket, second.Joined.Ticket);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.QueueTickets.Count(t => t.AccountId == who.AccountId))));
    }

    [Fact]
    public async Task Reconnect_WithinGrace_KeepsThePlace_AfterGrace_LosesIt()
    {
        await QueueTestSupport.DrainAsync(app);
        var ahead = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        var me = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        await AssertFollowersMatchDatabaseAsync([ahead, me], "both waiting");

        await me.DisconnectAsync();
        await Eventually.TrueAsync(() => app.WithDbAsync(async db => (await db.QueueTickets.FindAsync(me.Joined.Ticket))!.DisconnectedAt is not null), "the server noticed the disconnect");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await QueueTestSupport.ExpireDisconnectedAsync(app);
        await me.ConnectAsync();
        await Eventually.TrueAsync(() => me.Follower.Status == "Waiting" && me.Follower.Position == 2, "the place was kept");

        await me.DisconnectAsync();
        await Eventually.TrueAsync(() => app.WithDbAsync(async db => (await db.QueueTickets.FindAsync(me.Joined.Ticket))!.DisconnectedAt is not null), "the server noticed the second disconnect");
        app.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await QueueTestSupport.ExpireDisconnectedAsync(app);
        await me.ConnectAsync();
        await Eventually.TrueAsync(() => me.Follower.Status == nameof(TicketStatus.Expired), "the place was lost after the grace period");
        await AssertFollowersMatchDatabaseAsync([ahead], "the expiry reached the others");
        await ahead.DisposeAsync();
        await me.DisposeAsync();
    }

    private async Task AssertFollowersMatchDatabaseAsync(IEnumerable<AffiliateQueueClient> clients, string when)
    {
        foreach (var c in clients)
        {
            await Eventually.TrueAsync(async () =>
                c.Follower.Status == "Waiting" && c.Follower.Position == await QueueTestData.PositionInDatabaseAsync(app, c.Joined.Ticket),
                $"ticket {c.Joined.Ticket} shows its true position {when} (shows {c.Follower.Position}, {c.Follower.Status})");
        }
    }
}
