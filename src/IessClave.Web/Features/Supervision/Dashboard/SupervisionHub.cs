using IessClave.Web.Features.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IessClave.Web.Features.Supervision.Dashboard;

/// <summary>The supervisors' board, live: read-only; the board is pushed to everyone watching every few seconds.</summary>
[Authorize(Policy = AgentAuth.SupervisorPolicy)]
public sealed class SupervisionHub(SupervisionBoard board, BoardWatchers watchers) : Hub<ISupervisionClient>
{
    public const string Path = "/hubs/supervision";
    public const string Group = "supervisors";

    public override async Task OnConnectedAsync()
    {
        watchers.Joined();
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Left();
        return Task.CompletedTask;
    }

    public Task<SupervisionSnapshot> GetBoard() => board.SnapshotAsync(Context.ConnectionAborted);
}

/// <summary>How many boards are open on this node: with none, nothing is computed.</summary>
public sealed class BoardWatchers
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Joined() => Interlocked.Increment(ref count);

    public void Left() => Interlocked.Decrement(ref count);
}
