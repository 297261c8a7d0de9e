using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Support;

/// <summary>Agents and queue housekeeping for tests, through the same services the hubs use.</summary>
public static class QueueTestSupport
{
    /// <summary>Ends every active ticket left by earlier tests, so a test starts with an empty line.</summary>
    public static async Task DrainAsync(PostgresApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var waiting = await db.QueueTickets.Where(t => t.Status == TicketStatus.Waiting).Select(t => new { t.Lane, t.Id }).ToListAsync();
        await db.QueueTickets.Where(t => QueueTicket.ActiveStatuses.Contains(t.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Completed));
        await db.Agents.ExecuteUpdateAsync(s => s.SetProperty(a => a.CurrentTicketId, (long?)null).SetProperty(a => a.Status, AgentStatus.Offline));
        await scope.ServiceProvider.GetRequiredService<QueueEventWriter>().AppendAsync(waiting.Select(w => (w.Lane, w.Id, -1)), default);
        await tx.CommitAsync();
    }

    public static async Task<Guid> NewAvailableAgentAsync(PostgresApp app, AgentStatus status = AgentStatus.Available)
    {
        var agent = new AgentAccount
        {
            Id = Guid.NewGuid(),
            UserName = "agente." + Guid.NewGuid().ToString("N")[..10],
            DisplayName = "Agente de Prueba",
            PasswordHash = "not-a-real-hash",
            Roles = AgentRoles.Agent,
            Status = status,
            CreatedAt = app.Time.GetUtcNow(),
        };
        await app.WithDbAsync(async db =>
        {
            db.Agents.Add(agent);
            return await db.SaveChangesAsync();
        });
        return agent.Id;
    }

    public static async Task<(TakeOutcome Outcome, AgentCase? Case)> TakeNextAsync(PostgresApp app, Guid agentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgentQueueService>().TakeNextAsync(agentId, default);
    }

    public static async Task<bool> ReturnAsync(PostgresApp app, Guid agentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgentQueueService>().ReturnToQueueAsync(agentId, default);
    }

    public static async Task<bool> FinishAsync(PostgresApp app, Guid agentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgentQueueService>().FinishAsync(agentId, default);
    }

    public static async Task<int> ExpireDisconnectedAsync(PostgresApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var grace = app.Services.GetRequiredService<IOptions<QueueOptions>>().Value.ReconnectGrace;
        return await scope.ServiceProvider.GetRequiredService<QueueTicketService>().ExpireDisconnectedAsync(grace, default);
    }
}
