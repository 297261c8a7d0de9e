using System.Collections.Concurrent;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Queue;

[Collection(PostgresCollection.Name)]
public sealed class QueueClaimTests(SharedPostgresApp app)
{
    [Fact]
    public async Task TakeNext_TakesPriorityLaneFirstThenFifo()
    {
        await QueueTestSupport.DrainAsync(app);
        var standard1 = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        var elder = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app, new DateOnly(1940, 5, 5)), connect: false);
        var standard2 = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        var disabled = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), disability: true, connect: false);
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);

        var order = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var (_, taken) = await QueueTestSupport.TakeNextAsync(app, agent);
            order.Add(taken!.Ticket);
            await QueueTestSupport.FinishAsync(app, agent);
        }

        Assert.Equal([elder.Joined.Ticket, disabled.Joined.Ticket, standard1.Joined.Ticket, standard2.Joined.Ticket], order);
        Assert.Equal((1, 1), (elder.Joined.Lane, disabled.Joined.Lane));
    }

    [Fact]
    public async Task TwentyParallelAgents_DrainingTheQueue_NeverTakeTheSameTicketAndLoseNone()
    {
        await QueueTestSupport.DrainAsync(app);
        var tickets = new List<long>();
        for (var i = 0; i < 200; i++)
        {
            tickets.Add((await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false)).Joined.Ticket);
        }

        var agents = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            agents.Add(await QueueTestSupport.NewAvailableAgentAsync(app));
        }

        var taken = new ConcurrentBag<(Guid Agent, long Ticket)>();
        await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
        {
            while (true)
            {
                var (outcome, c) = await QueueTestSupport.TakeNextAsync(app, agent);
                if (outcome == TakeOutcome.QueueEmpty)
                {
                    return;
                }

                Assert.Equal(TakeOutcome.Taken, outcome);
                taken.Add((agent, c!.Ticket));
                Assert.True(await QueueTestSupport.FinishAsync(app, agent));
            }
        })));

        Assert.Equal(tickets.Count, taken.Count);
        Assert.Equal(tickets.Order(), taken.Select(t => t.Ticket).Order());
        Assert.True(taken.Select(t => t.Agent).Distinct().Count() > 1, "the work was shared among the agents");
        var completed = await app.WithDbAsync(db => db.QueueTickets.Where(t => tickets.Contains(t.Id)).Select(t => new { t.Status, t.AgentId }).ToListAsync());
        Assert.All(completed, t => Assert.Equal(TicketStatus.Completed, t.Status));
    }

    [Fact]
    public async Task TakeNext_WhileAway_IsRefused_AndTheQueueIsUntouched()
    {
        await QueueTestSupport.DrainAsync(app);
        var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        var away = await QueueTestSupport.NewAvailableAgentAsync(app, AgentStatus.Away);

        var (outcome, c) = await QueueTestSupport.TakeNextAsync(app, away);

        Assert.Equal(TakeOutcome.NotAvailable, outcome);
        Assert.Null(c);
        Assert.Equal(1, await QueueTestData.PositionInDatabaseAsync(app, caller.Joined.Ticket));
    }

    [Fact]
    public async Task NoShowJob_WhenTheCallerNeverAnswers_FreesTheAgent_AndIgnoresAnsweredCalls()
    {
        await QueueTestSupport.DrainAsync(app);
        var silent = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);
        var (_, taken) = await QueueTestSupport.TakeNextAsync(app, agent);
        Assert.Equal(silent.Joined.Ticket, taken!.Ticket);
        await Eventually.TrueAsync(() => silent.Follower.Status == nameof(TicketStatus.Called), "the caller's page shows the call at once");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<NoShowJob>();
            Assert.True(await job.RunAsync(taken.Ticket, taken.CalledAt!.Value, default));
            Assert.False(await job.RunAsync(taken.Ticket, taken.CalledAt!.Value, default));
        }

        await Eventually.TrueAsync(() => silent.Follower.Status == nameof(TicketStatus.NoShow), "the caller's page shows the no-show");
        Assert.Null(await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent).Select(a => a.CurrentTicketId).SingleAsync()));

        var answering = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        var (secondOutcome, second) = await QueueTestSupport.TakeNextAsync(app, agent);
        Assert.Equal((TakeOutcome.Taken, answering.Joined.Ticket), (secondOutcome, second?.Ticket));
        await Eventually.TrueAsync(() => answering.Follower.Status == nameof(TicketStatus.Called), "the second caller is called");
        Assert.Equal(nameof(TicketStatus.InService), (await answering.Hub!.InvokeAsync<TicketSnapshot>("Answer")).Status);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<NoShowJob>().RunAsync(second!.Ticket, second.CalledAt!.Value, default));
        }

        await silent.DisposeAsync();
        await answering.DisposeAsync();
    }
}
