using IessClave.Tests.Support;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Features.Unlock.Queue;

/// <summary>What "Atender siguiente" costs the database: one connection, and no query it can do without.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimRoundTripTests(SharedPostgresApp app)
{
    [Fact]
    public async Task TakeNext_OpensOneConnection_AndMakesTwelveRoundTripsOnTheAppsTables()
    {
        await QueueTestSupport.DrainAsync(app);
        var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);
        var hangfireSchema = $"\"{app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Schema}\".";

        using var traffic = new DatabaseTraffic();
        var (outcome, taken) = await traffic.RecordAsync(() => QueueTestSupport.TakeNextAsync(app, agent));

        Assert.Equal((TakeOutcome.Taken, caller.Joined.Ticket), (outcome, taken!.Ticket));
        Assert.NotNull(taken.JoinUrl);
        // Hangfire writes in its schema, and its enqueue ends with a NOTIFY that wakes the workers.
        var onAppTables = traffic.Commands.Where(c => !c.Contains(hangfireSchema, StringComparison.Ordinal) && !c.StartsWith("NOTIFY", StringComparison.Ordinal)).ToList();
        Assert.True(onAppTables.Count <= 12, $"{onAppTables.Count} round trips:\n{string.Join("\n---\n", onAppTables)}");
        Assert.Equal(1, traffic.EfConnectionOpens);
    }
}
