using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// This node's picture of the waiting set, built from the event stream: exactly the result of applying events
/// up to <see cref="AsOf"/>. Snapshots and frames come from it, so they always agree with each other.
/// </summary>
public sealed class QueueState
{
    private readonly Lock sync = new();
    private readonly SortedSet<long>[] lanes = [new(), new()];
    private readonly Dictionary<long, DateTimeOffset> joinedAt = [];

    public long AsOf { get; private set; }

    public bool Loaded { get; private set; }

    public void Load(IEnumerable<(QueueLane Lane, long TicketId, DateTimeOffset JoinedAt)> waiting, long asOf)
    {
        lock (sync)
        {
            foreach (var lane in lanes)
            {
                lane.Clear();
            }

            joinedAt.Clear();
            foreach (var (lane, id, joined) in waiting)
            {
                lanes[(int)lane].Add(id);
                joinedAt[id] = joined;
            }

            AsOf = asOf;
            Loaded = true;
        }
    }

    /// <summary>Forces a reload from the database on the next interval (after an error left the state unsure).</summary>
    public void Invalidate()
    {
        lock (sync)
        {
            Loaded = false;
        }
    }

    public void Apply(IReadOnlyList<QueueEvent> events, long upTo, Func<long, DateTimeOffset> joinedAtOf)
    {
        lock (sync)
        {
            foreach (var e in events)
            {
                if (e.Delta > 0 && lanes[(int)e.Lane].Add(e.TicketId))
                {
                    joinedAt[e.TicketId] = joinedAtOf(e.TicketId);
                }
                else if (e.Delta < 0 && lanes[(int)e.Lane].Remove(e.TicketId))
                {
                    joinedAt.Remove(e.TicketId);
                }
            }

            AsOf = upTo;
        }
    }

    /// <summary>1-based place of a waiting ticket (priority lane first, FIFO by number), or null if not waiting.</summary>
    public (int? Position, long AsOf) PositionOf(long ticketId, QueueLane lane)
    {
        lock (sync)
        {
            var own = lanes[(int)lane];
            if (!own.Contains(ticketId))
            {
                return (null, AsOf);
            }

            var ahead = own.GetViewBetween(own.Min, ticketId).Count - 1;
            if (lane == QueueLane.Standard)
            {
                ahead += lanes[(int)QueueLane.Priority].Count;
            }

            return (ahead + 1, AsOf);
        }
    }

    public (int Standard, int Priority, DateTimeOffset? Oldest, long AsOf) Overview()
    {
        lock (sync)
        {
            DateTimeOffset? oldest = joinedAt.Count == 0 ? null : joinedAt.Values.Min();
            return (lanes[0].Count, lanes[1].Count, oldest, AsOf);
        }
    }
}
