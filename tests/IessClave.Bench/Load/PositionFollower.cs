using IessClave.Web.Features.Unlock.Queue;

namespace IessClave.Bench.Load;

/// <summary>
/// The queue page's algorithm (wwwroot/js/queue.js): start from a snapshot, apply each shared frame's changes that
/// are ahead of us, and ask for a resync when a frame does not follow the last one applied.
/// </summary>
public sealed class PositionFollower
{
    private readonly Lock sync = new();

    public string Status { get; private set; } = "Unknown";
    public int Position { get; private set; }
    public long AsOf { get; private set; }
    private long ticket;
    private int lane;

    public void Apply(TicketSnapshot s)
    {
        lock (sync)
        {
            (ticket, lane, Status, Position, AsOf) = (s.Ticket, s.Lane, s.Status, s.Position, s.AsOf);
        }
    }

    /// <summary>False when the frame cannot be applied and the client must resync.</summary>
    public bool Apply(QueueFrame f)
    {
        lock (sync)
        {
            if (Status != "Waiting" || f.UpTo <= AsOf)
            {
                return true;
            }

            if (f.After != AsOf)
            {
                return false;
            }

            foreach (var e in f.Events)
            {
                var (eventLane, eventTicket, delta) = ((int)e[0], e[1], (int)e[2]);
                if (eventTicket != ticket && ((eventLane == lane && eventTicket < ticket) || (lane == 0 && eventLane == 1)))
                {
                    Position += delta;
                }
            }

            AsOf = f.UpTo;
            return true;
        }
    }
}
