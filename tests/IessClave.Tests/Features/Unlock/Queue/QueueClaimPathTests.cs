using System.Data.Common;
using Hangfire;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Queue;

/// <summary>The claim's single statement, its index, and the no-show job it schedules, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueClaimPathTests(SharedPostgresApp app)
{
    [Fact]
    public async Task TakeNext_MarksTheTicketCalledByTheAgent_InTheClaimStatement()
    {
        await QueueTestSupport.DrainAsync(app);
        var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);

        var (outcome, taken) = await QueueTestSupport.TakeNextAsync(app, agent);

        Assert.Equal((TakeOutcome.Taken, caller.Joined.Ticket), (outcome, taken!.Ticket));
        var ticket = await app.WithDbAsync(db => db.QueueTickets.AsNoTracking().SingleAsync(t => t.Id == caller.Joined.Ticket));
        Assert.Equal((TicketStatus.Called, agent), (ticket.Status, ticket.AgentId));
        Assert.Equal(taken.CalledAt, ticket.CalledAt);
        Assert.Equal(caller.Joined.Ticket, await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent).Select(a => a.CurrentTicketId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "queue.taken" && e.Detail == $"ticket={caller.Joined.Ticket}")));
        Assert.Equal(1, await app.WithDbAsync(db => db.QueueEvents.CountAsync(e => e.TicketId == caller.Joined.Ticket && e.Delta == -1)));
    }

    [Fact]
    public async Task TheScheduledNoShowJob_RunWithItsOwnArguments_MarksTheNoShowAndFreesTheAgent()
    {
        await QueueTestSupport.DrainAsync(app);
        // A clock reading with a sub-microsecond part, which the database does not keep.
        app.Time.Advance(TimeSpan.FromTicks(13 - app.Time.GetUtcNow().Ticks % 10));
        var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app), connect: false);
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);
        var (_, taken) = await QueueTestSupport.TakeNextAsync(app, agent);
        Assert.Equal(caller.Joined.Ticket, taken!.Ticket);

        var job = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10_000)
            .Select(j => j.Value.Job).Single(j => j?.Type == typeof(NoShowJob) && (long)j.Args[0] == taken.Ticket);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<NoShowJob>().RunAsync((long)job.Args[0], (DateTimeOffset)job.Args[1], default));
        }

        Assert.Equal(TicketStatus.NoShow, await app.WithDbAsync(db => db.QueueTickets.Where(t => t.Id == taken.Ticket).Select(t => t.Status).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent).Select(a => a.CurrentTicketId).SingleAsync()));
    }

    [Fact]
    public async Task ClaimingTheHead_ReadsTheClaimIndex_InsteadOfSortingTheWholeLine()
    {
        var plan = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, tx, "SET LOCAL enable_seqscan = off");
            return await ExecuteAsync(connection, tx, "EXPLAIN " + ClaimNextTicket.Select + " FOR UPDATE SKIP LOCKED");
        });

        Assert.Contains("ix_queue_tickets_claim_head", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    private static async Task<string> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }
}
