namespace IessClave.Web.Features.Supervision.Dashboard;

/// <summary>One agent's line on the board: who, their console status, and the case they hold now, if any.</summary>
public sealed record AgentOnBoard(string Name, string Status, bool Connected, string? Channel, DateTimeOffset? HeldSince);

/// <summary>What the supervisors' board shows at one moment (the whole board: a few kB even with 200 agents).</summary>
public sealed record SupervisionSnapshot(
    int WaitingStandard,
    int WaitingPriority,
    DateTimeOffset? OldestJoinedAt,
    int AgentsAvailable,
    int AvgServiceSeconds,
    int UnlockedToday,
    int RejectedToday,
    int NoShowsToday,
    int PendingApprovals,
    IReadOnlyList<AgentOnBoard> Agents,
    DateTimeOffset AsOf);

public interface ISupervisionClient
{
    Task Board(SupervisionSnapshot snapshot);
}
