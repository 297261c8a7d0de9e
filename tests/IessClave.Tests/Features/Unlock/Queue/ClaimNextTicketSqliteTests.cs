using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Queue;

/// <summary>The embedded default's claim: the same statement on SQLite, with the agent and time stored as EF stores them.</summary>
public sealed class ClaimNextTicketSqliteTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"iessclave-claim-{Guid.NewGuid():N}.db");

    private SqliteDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={path};Pooling=false").Options);

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Claim_TakesThePriorityHeadFirst_SkipsDisconnected_AndStoresTheAgentAndTime()
    {
        var now = DateTimeOffset.UtcNow;
        var standard = await AddTicketAsync(QueueLane.Standard, now, disconnected: false);
        var disconnected = await AddTicketAsync(QueueLane.Priority, now, disconnected: true);
        var priority = await AddTicketAsync(QueueLane.Priority, now, disconnected: false);
        var agent = Guid.NewGuid();
        var calledAt = DatabaseTime.Truncate(now.AddMinutes(1));

        var first = await ClaimAsync(agent, calledAt);
        var second = await ClaimAsync(agent, calledAt);
        var third = await ClaimAsync(agent, calledAt);

        Assert.Equal(new ClaimedTicket(priority.Id, QueueLane.Priority, priority.AccountId, PriorityReason.Booking), first);
        Assert.Equal(new ClaimedTicket(standard.Id, QueueLane.Standard, standard.AccountId, PriorityReason.None), second);
        Assert.Null(third);
        await using var db = NewContext();
        var stored = await db.QueueTickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        Assert.All(stored.Where(t => t.Id != disconnected.Id), t => Assert.Equal((TicketStatus.Called, agent, calledAt), (t.Status, t.AgentId, t.CalledAt)));
        Assert.Equal(TicketStatus.Waiting, stored.Single(t => t.Id == disconnected.Id).Status);
    }

    private async Task<ClaimedTicket?> ClaimAsync(Guid agent, DateTimeOffset calledAt)
    {
        await using var db = NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var claimed = await ClaimNextTicket.ExecuteAsync(db, agent, calledAt, default);
        await tx.CommitAsync();
        return claimed;
    }

    private async Task<QueueTicket> AddTicketAsync(QueueLane lane, DateTimeOffset now, bool disconnected)
    {
        await using var db = NewContext();
        var ticket = new QueueTicket
        {
            AccountId = Guid.NewGuid(), Lane = lane, Status = TicketStatus.Waiting, JoinedAt = now,
            PriorityReason = lane == QueueLane.Priority ? PriorityReason.Booking : PriorityReason.None,
            DisconnectedAt = disconnected ? now : null,
        };
        db.QueueTickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket;
    }
}
