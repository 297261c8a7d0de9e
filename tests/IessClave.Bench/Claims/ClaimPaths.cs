using System.Diagnostics;
using IessClave.Bench.Hosting;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IessClave.Bench.Claims;

/// <summary>
/// The operations P2 times, each returning how long the timed part took: the floor (one single-row UPDATE,
/// autocommit), the app's claim path ("Atender siguiente": <see cref="AgentQueueService.TakeNextAsync"/>), and,
/// for the record, the claim statement alone (<see cref="ClaimNextTicket"/> in its own transaction).
/// </summary>
public sealed class ClaimPaths(AppServices app, NpgsqlDataSource floor)
{
    public const string FloorTable = "bench_floor";

    /// <summary>Whom the bare statement marks as the caller's agent (no agent row: only the statement is timed).</summary>
    private static readonly Guid StatementAgent = Guid.Parse("00000000-0000-0000-0000-00000000b0b0");

    public async Task PrepareFloorAsync(int rows)
    {
        await using var create = floor.CreateCommand($"CREATE TABLE IF NOT EXISTS {FloorTable} (id int PRIMARY KEY, n bigint NOT NULL)");
        await create.ExecuteNonQueryAsync();
        await using var fill = floor.CreateCommand($"INSERT INTO {FloorTable} SELECT g, 0 FROM generate_series(1, {rows}) g ON CONFLICT DO NOTHING");
        await fill.ExecuteNonQueryAsync();
    }

    /// <summary>Each worker updates its own row, so concurrent updates do not wait for each other's row lock.</summary>
    public async Task<TimeSpan> UpdateAsync(int row)
    {
        var start = Stopwatch.GetTimestamp();
        await using var command = floor.CreateCommand($"UPDATE {FloorTable} SET n = n + 1 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = row });
        await command.ExecuteNonQueryAsync();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Times the take; then finishes the case (untimed) so the agent can take again.</summary>
    public async Task<(TimeSpan Took, TakeOutcome Outcome, long? Ticket)> TakeAndFinishAsync(Guid agentId)
    {
        var start = Stopwatch.GetTimestamp();
        var (outcome, taken) = await app.InScopeAsync(sp => sp.GetRequiredService<AgentQueueService>().TakeNextAsync(agentId, CancellationToken.None));
        var took = Stopwatch.GetElapsedTime(start);
        if (outcome == TakeOutcome.AlreadyServing || outcome == TakeOutcome.Taken)
        {
            await app.InScopeAsync(sp => sp.GetRequiredService<AgentQueueService>().FinishAsync(agentId, CancellationToken.None));
        }

        return (took, outcome, outcome == TakeOutcome.Taken ? taken!.Ticket : null);
    }

    /// <summary>The same single-row UPDATE through the app's stack: a DI scope, a DbContext, EF's ExecuteUpdate.</summary>
    public async Task<TimeSpan> UpdateThroughEfAsync(Guid agentId)
    {
        var start = Stopwatch.GetTimestamp();
        await app.InScopeAsync(sp => sp.GetRequiredService<IessClaveDbContext>().Agents.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, DateTimeOffset.UtcNow)));
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>A take, not finished (each agent of the statement count takes once).</summary>
    public Task TakeOnlyAsync(Guid agentId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AgentQueueService>().TakeNextAsync(agentId, CancellationToken.None));

    /// <summary>A take that must succeed (the latency series seed enough tickets).</summary>
    public async Task<TimeSpan> TakeAsync(Guid agentId)
    {
        var (took, outcome, _) = await TakeAndFinishAsync(agentId);
        return outcome == TakeOutcome.Taken ? took : throw new InvalidOperationException($"TakeNext answered {outcome}.");
    }

    public async Task<TimeSpan> ClaimStatementAsync()
    {
        var start = Stopwatch.GetTimestamp();
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IessClaveDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var id = await ClaimNextTicket.ExecuteAsync(db, StatementAgent, DateTimeOffset.UtcNow, CancellationToken.None)
                ?? throw new InvalidOperationException("The line ran dry.");
            await tx.CommitAsync();
            return id;
        });
        return Stopwatch.GetElapsedTime(start);
    }

    public async Task<List<Guid>> AvailableAgentsAsync(int count) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<IessClaveDbContext>();
        var agents = Enumerable.Range(0, count).Select(i => new AgentAccount
        {
            Id = Guid.NewGuid(),
            UserName = $"p2.agente.{i}.{Guid.NewGuid():N}"[..30],
            DisplayName = "Agente P2",
            PasswordHash = "not-a-real-hash",
            Roles = AgentRoles.Agent,
            Status = AgentStatus.Available,
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Agents.AddRange(agents);
        await db.SaveChangesAsync();
        return agents.Select(a => a.Id).ToList();
    });
}
