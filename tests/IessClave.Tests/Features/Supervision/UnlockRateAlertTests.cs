using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Supervision;

namespace IessClave.Tests.Features.Supervision;

[Collection(PostgresCollection.Name)]
public sealed class UnlockRateAlertTests(SharedPostgresApp app)
{
    [Fact]
    public async Task AgentUnlockingFarMoreThanPeers_IsFlagged_PeersAreNot()
    {
        var outlier = await QueueTestSupport.NewAvailableAgentAsync(app);
        var peers = new[] { await QueueTestSupport.NewAvailableAgentAsync(app), await QueueTestSupport.NewAvailableAgentAsync(app), await QueueTestSupport.NewAvailableAgentAsync(app) };
        await AddClosedCasesAsync(outlier, unlocked: 10, rejected: 0);
        foreach (var peer in peers)
        {
            await AddClosedCasesAsync(peer, unlocked: 3, rejected: 7);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var rates = await scope.ServiceProvider.GetRequiredService<UnlockRateAlerts>().RatesAsync(default);

        Assert.True(rates.Single(r => r.AgentId == outlier).Alert);
        Assert.All(peers, p => Assert.False(rates.Single(r => r.AgentId == p).Alert));
        Assert.Equal(1.0, rates.Single(r => r.AgentId == outlier).Rate);
    }

    private async Task AddClosedCasesAsync(Guid agent, int unlocked, int rejected)
    {
        for (var i = 0; i < unlocked + rejected; i++)
        {
            var locked = await QueueTestData.NewLockedAsync(app);
            await app.WithDbAsync(async db =>
            {
                db.Cases.Add(new UnlockCase
                {
                    Id = Guid.NewGuid(), AccountId = locked.AccountId, AgentId = agent, Channel = CaseChannel.VideoQueue,
                    Status = i < unlocked ? CaseStatus.Unlocked : CaseStatus.Rejected, OpenedAt = app.Time.GetUtcNow(), ClosedAt = app.Time.GetUtcNow(),
                });
                return await db.SaveChangesAsync();
            });
        }
    }
}
