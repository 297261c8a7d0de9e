using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

public interface IAgentQueueClient
{
    Task Overview(QueueOverview overview);

    Task CaseChanged(AgentCase? activeCase);
}

public sealed record AgentConsoleState(string Status, QueueOverview Overview, AgentCase? ActiveCase);

public sealed record TakeResult(string Outcome, AgentCase? Case);

/// <summary>
/// The agent console's live channel. Every method acts on the calling agent only (from the cookie's claims);
/// an agent can take the NEXT caller but never name one.
/// </summary>
[Authorize(Policy = AgentAuth.AgentPolicy)]
public sealed partial class AgentQueueHub(
    AgentQueueService queue,
    QueueBroadcaster broadcaster,
    AgentPresence presence,
    IessClaveDbContext db,
    AuditLog audit,
    Verification.CaseChecks checks,
    Verification.CaseOutcomes outcomes,
    Verification.CaseHistory history) : Hub<IAgentQueueClient>
{
    public static string AgentGroup(Guid agentId) => "agent:" + agentId;

    private Guid AgentId => AgentAuth.AgentId(Context.User!) ?? throw new HubException("Sin sesión de agente.");

    public override async Task OnConnectedAsync()
    {
        presence.Connected(AgentId);
        await Groups.AddToGroupAsync(Context.ConnectionId, QueueBroadcaster.AgentsGroup);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(AgentId));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User is { } user && AgentAuth.AgentId(user) is { } id && presence.Disconnected(id))
        {
            // The last console closed: the agent cannot be counted on for the ETA any more.
            await db.Agents.Where(a => a.Id == id && a.Status == AgentStatus.Available)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AgentStatus.Offline));
            await broadcaster.RefreshStatsAsync(CancellationToken.None);
        }
    }

    public async Task<AgentConsoleState> GetState()
    {
        var status = await db.Agents.Where(a => a.Id == AgentId).Select(a => a.Status).SingleAsync(Context.ConnectionAborted);
        return new AgentConsoleState(status.ToString(), broadcaster.Overview(), await queue.ActiveCaseAsync(AgentId, Context.ConnectionAborted));
    }

    public async Task<string> SetStatus(string status)
    {
        if (!Enum.TryParse<AgentStatus>(status, ignoreCase: false, out var next) || next == AgentStatus.Offline)
        {
            throw new HubException("Estado no válido.");
        }

        await db.Agents.Where(a => a.Id == AgentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next), Context.ConnectionAborted);
        audit.Record(AuditActors.Agent, AgentId.ToString(), AuditActions.AgentStatusChanged, detail: next.ToString());
        await db.SaveChangesAsync(Context.ConnectionAborted);
        await broadcaster.RefreshStatsAsync(Context.ConnectionAborted);
        return next.ToString();
    }

    public async Task<TakeResult> TakeNext()
    {
        var (outcome, taken) = await queue.TakeNextAsync(AgentId, Context.ConnectionAborted);
        return new TakeResult(outcome.ToString(), taken);
    }

    public Task<bool> ReturnToQueue() => queue.ReturnToQueueAsync(AgentId, Context.ConnectionAborted);

    public Task<bool> MarkNoShow() => queue.MarkNoShowAsync(AgentId, Context.ConnectionAborted);

    public Task<bool> Finish() => queue.FinishAsync(AgentId, Context.ConnectionAborted);
}

/// <summary>Open console connections per agent on this node.</summary>
public sealed class AgentPresence
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> connections = new();

    public void Connected(Guid agentId) => connections.AddOrUpdate(agentId, 1, (_, n) => n + 1);

    public bool Disconnected(Guid agentId) => connections.AddOrUpdate(agentId, 0, (_, n) => Math.Max(0, n - 1)) == 0;

    /// <summary>Whether the agent has a console open on this node.</summary>
    public bool IsConnected(Guid agentId) => connections.TryGetValue(agentId, out var n) && n > 0;
}
