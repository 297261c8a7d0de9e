using System.Collections.Concurrent;
using IessClave.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// The waiting affiliate's live channel. The client only listens and may ask to resync or leave; every
/// method acts on the ticket named by the caller's own cookie, never on an id the client sends.
/// </summary>
[Authorize(Policy = QueueAuth.Policy)]
public sealed class QueueHub(
    QueueTicketService tickets,
    TicketViews views,
    QueuePresence presence,
    AgentQueueService agentQueue,
    IHubContext<AgentQueueHub, IAgentQueueClient> agents) : Hub<IQueueClient>
{
    public static string TicketGroup(long ticketId) => "ticket:" + ticketId;

    public override async Task OnConnectedAsync()
    {
        var (ticketId, accountId) = QueueAuth.Holder(Context.User) ?? throw new HubException("Sin turno.");
        await Groups.AddToGroupAsync(Context.ConnectionId, TicketGroup(ticketId));
        var ticket = await tickets.FindAsync(ticketId, accountId, Context.ConnectionAborted);
        if (ticket?.Status == TicketStatus.Waiting)
        {
            // Join the shared group before the snapshot, so no frame after the snapshot can be missed.
            await Groups.AddToGroupAsync(Context.ConnectionId, QueueBroadcaster.WaitingGroup);
            if (presence.Connected(ticketId))
            {
                await tickets.SetConnectedAsync(ticketId, connected: true, Context.ConnectionAborted);
            }
        }

        await Clients.Caller.Snapshot(await views.ForAsync(ticket, Context.ConnectionAborted));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (QueueAuth.Holder(Context.User) is { } holder && presence.Disconnected(holder.TicketId))
        {
            await tickets.SetConnectedAsync(holder.TicketId, connected: false, CancellationToken.None);
        }
    }

    /// <summary>The client missed a frame, woke up, or was put back in line: send its place again.</summary>
    public async Task<TicketSnapshot> Resync()
    {
        var (ticketId, accountId) = QueueAuth.Holder(Context.User)!.Value;
        var ticket = await tickets.FindAsync(ticketId, accountId, Context.ConnectionAborted);
        if (ticket?.Status == TicketStatus.Waiting)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, QueueBroadcaster.WaitingGroup);
        }

        return await views.ForAsync(ticket, Context.ConnectionAborted);
    }

    /// <summary>"Estoy listo": the called affiliate answers; the agent's console is told at once.</summary>
    public async Task<TicketSnapshot> Answer()
    {
        var (ticketId, accountId) = QueueAuth.Holder(Context.User)!.Value;
        if (await tickets.AnswerAsync(ticketId, accountId, Context.ConnectionAborted) is { } agentId)
        {
            await agents.Clients.Group(AgentQueueHub.AgentGroup(agentId)).CaseChanged(await agentQueue.ActiveCaseAsync(agentId, Context.ConnectionAborted));
        }

        return await views.ForAsync(await tickets.FindAsync(ticketId, accountId, Context.ConnectionAborted), Context.ConnectionAborted);
    }

    public async Task<TicketSnapshot> Leave()
    {
        var (ticketId, accountId) = QueueAuth.Holder(Context.User)!.Value;
        await tickets.LeaveAsync(ticketId, accountId, Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, QueueBroadcaster.WaitingGroup);
        return await views.ForAsync(await tickets.FindAsync(ticketId, accountId, Context.ConnectionAborted), Context.ConnectionAborted);
    }
}

/// <summary>Open connections per ticket on this node: a ticket counts as gone only when its last tab closes.</summary>
public sealed class QueuePresence
{
    private readonly ConcurrentDictionary<long, int> connections = new();

    /// <summary>True when this is the ticket's first open connection.</summary>
    public bool Connected(long ticketId) => connections.AddOrUpdate(ticketId, 1, (_, n) => n + 1) == 1;

    /// <summary>True when the ticket's last connection closed.</summary>
    public bool Disconnected(long ticketId)
    {
        var left = connections.AddOrUpdate(ticketId, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0)
        {
            connections.TryRemove(new KeyValuePair<long, int>(ticketId, 0));
            return true;
        }

        return false;
    }
}
