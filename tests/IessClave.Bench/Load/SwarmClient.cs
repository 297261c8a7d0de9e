using IessClave.Testing;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Bench.Load;

/// <summary>When a frame reached a client (UTC ticks, read as the handler starts) and which events it covered.</summary>
public readonly record struct FrameArrival(long After, long UpTo, int Events, long ReceivedUtcTicks);

/// <summary>
/// One waiting affiliate of the swarm: its connection, the frames it received, and (against the app) its
/// position as the queue page computes it. Resyncs run off the receive loop, as a page's would.
/// </summary>
public sealed class SwarmClient(int index, long ticketId)
{
    private readonly List<FrameArrival> frames = new(64);
    private int resyncing;

    public int Index { get; } = index;
    public long TicketId { get; } = ticketId;
    public HubConnection? Connection { get; set; }
    public QueuePositionFollower Follower { get; } = new();
    public int Resyncs { get; private set; }
    public int TicketChanges { get; private set; }

    public IReadOnlyList<FrameArrival> Frames
    {
        get
        {
            lock (frames)
            {
                return [.. frames];
            }
        }
    }

    public void Listen(HubConnection connection, bool followQueue, Action firstFrame)
    {
        Connection = connection;
        connection.On<QueueFrame>("Frame", f =>
        {
            var at = DateTime.UtcNow.Ticks;
            lock (frames)
            {
                frames.Add(new FrameArrival(f.After, f.UpTo, f.Events.Length, at));
            }

            firstFrame();
            if (followQueue && !Follower.Apply(f))
            {
                Resync();
            }
        });
        if (!followQueue)
        {
            return;
        }

        connection.On<TicketSnapshot>("Snapshot", s =>
        {
            Follower.Apply(s);
            if (s.Status == "Pending")
            {
                Resync(TimeSpan.FromSeconds(1));
            }
        });
        connection.On<TicketSnapshot>("TicketChanged", s =>
        {
            TicketChanges++;
            Follower.Apply(s);
        });
    }

    private void Resync(TimeSpan delay = default)
    {
        if (Interlocked.Exchange(ref resyncing, 1) == 1 || Connection is not { } connection)
        {
            return;
        }

        Resyncs++;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay);
                Follower.Apply(await connection.InvokeAsync<TicketSnapshot>("Resync"));
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or HubException)
            {
                // the connection closed meanwhile
            }
            finally
            {
                Volatile.Write(ref resyncing, 0);
            }
        });
    }
}
