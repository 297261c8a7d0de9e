using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// Decides which newly read events may be applied. Event ids are given out in commit order (see
/// <see cref="QueueEventWriter"/>), so a hole in the ids means a transaction failed after taking its id: wait a
/// little for it, then step over it.
/// </summary>
public sealed class QueueEventCursor(TimeSpan? holeTimeout = null)
{
    private readonly TimeSpan holeTimeout = holeTimeout ?? TimeSpan.FromSeconds(2);
    private DateTime holeSeenAt = DateTime.MaxValue;

    public List<QueueEvent> Accept(List<QueueEvent> events, long after)
    {
        var expected = after + 1;
        var count = 0;
        while (count < events.Count && events[count].Id == expected)
        {
            count++;
            expected++;
        }

        if (count > 0 || events.Count == 0)
        {
            holeSeenAt = DateTime.MaxValue;
            return events[..count];
        }

        if (holeSeenAt == DateTime.MaxValue)
        {
            holeSeenAt = DateTime.UtcNow;
        }

        if (DateTime.UtcNow - holeSeenAt < holeTimeout)
        {
            return [];
        }

        holeSeenAt = DateTime.MaxValue;
        return events;
    }
}
