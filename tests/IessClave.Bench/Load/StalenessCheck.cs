using IessClave.Bench.Report;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Bench.Load;

/// <summary>
/// Staleness of every (client, change) pair in the window: when the client got the frame carrying the change,
/// minus when the change was made (the queue event's time, written by the app in the claim's transaction just
/// before it commits, so the figure errs on the long side). Same machine, same clock.
/// </summary>
public static class StalenessCheck
{
    public static async Task<(Histogram Histogram, double MeanEventsPerFrame)> RunAsync(IessClaveDbContext db, ClientSwarm swarm, WindowSample window)
    {
        var arrivals = swarm.Clients.SelectMany(c => c.Frames)
            .Where(f => f.ReceivedUtcTicks >= window.StartTicks && f.ReceivedUtcTicks < window.EndTicks && f.Events > 0).ToList();
        var histogram = new Histogram();
        if (arrivals.Count == 0)
        {
            return (histogram, 0);
        }

        var from = arrivals.Min(f => f.After);
        var to = arrivals.Max(f => f.UpTo);
        var madeAt = await db.QueueEvents.AsNoTracking().Where(e => e.Id > from && e.Id <= to)
            .ToDictionaryAsync(e => e.Id, e => e.At.UtcTicks);
        foreach (var frame in arrivals)
        {
            for (var id = frame.After + 1; id <= frame.UpTo; id++)
            {
                if (madeAt.TryGetValue(id, out var at))
                {
                    histogram.Add(TimeSpan.FromTicks(frame.ReceivedUtcTicks - at).TotalMilliseconds);
                }
            }
        }

        var distinct = arrivals.DistinctBy(f => f.UpTo).ToList();
        return (histogram, distinct.Average(f => f.Events));
    }
}
