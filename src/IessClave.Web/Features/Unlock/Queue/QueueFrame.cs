namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// The one message every waiting affiliate receives per interval. <c>After</c>/<c>UpTo</c> are event ids: a client
/// that last applied <c>After</c> applies <c>Events</c> ([lane, ticket, ±1]) and is then at <c>UpTo</c>; any other
/// client asks for a fresh snapshot. Service seconds and available agents feed the client's ETA.
/// </summary>
public sealed record QueueFrame(long After, long UpTo, long[][] Events, int AvgServiceSeconds, int AgentsAvailable);

/// <summary>What one affiliate needs to start following the frames: its place as of event <c>AsOf</c>.</summary>
public sealed record TicketSnapshot(
    long Ticket,
    int Lane,
    string Status,
    int Position,
    long AsOf,
    int AvgServiceSeconds,
    int AgentsAvailable,
    string? Message,
    string? OneTimeCode = null,
    string? JoinUrl = null);

/// <summary>For agents and supervisors: the shape of the queue (no personal data).</summary>
public sealed record QueueOverview(int Standard, int Priority, DateTimeOffset? OldestJoinedAt, int AgentsAvailable, long AsOf);

public interface IQueueClient
{
    Task Frame(QueueFrame frame);

    Task Snapshot(TicketSnapshot snapshot);

    /// <summary>Sent to one affiliate only: their turn has come (or their ticket ended).</summary>
    Task TicketChanged(TicketSnapshot snapshot);
}
