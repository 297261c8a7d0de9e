using IessClave.Web.Features.Unlock.Queue;

namespace IessClave.Testing;

/// <summary>
/// The browser's algorithm (wwwroot/js/queue.js) in C#, for the tests and the benchmark: start from a snapshot, apply each shared frame's changes
/// that are ahead of us, and ask for a resync when a frame does not follow the last one applied.
/// </summary>
public sealed class QueuePositionFollower
{
    private readonly Lock sync = new();

    public long Ticket { get; private set; }
    public int Lane { get; private set; }
    public string Status { get; private set; } = "Unknown";
    public int Position { get; private set; }
    public long AsOf { get; private set; }
    public int FramesApplied { get; private set; }
    public int Snapshots { get; private set; }

    public void Apply(TicketSnapshot s)
    {
        lock (sync)
        {
            (Ticket, Lane, Status, Position, AsOf) = (s.Ticket, s.Lane, s.Status, s.Position, s.AsOf);
            Snapshots++;
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
                var (lane, ticket, delta) = ((int)e[0], e[1], (int)e[2]);
                if (ticket != Ticket && ((lane == Lane && ticket < Ticket) || (Lane == 0 && lane == 1)))
                {
                    Position += delta;
                }
            }

            AsOf = f.UpTo;
            FramesApplied++;
            return true;
        }
    }
}
