using System.Diagnostics;

namespace IessClave.Bench.Load;

public sealed record DequeueStats(int Claims, int Empty, int Errors, double AchievedPerSecond, List<double> TakeMillis);

/// <summary>
/// Agents take callers at D per second in total: claim k is due at a random moment of the k-th 1/D slot (so changes
/// fall at every phase of the frame interval, not always just before or after a frame) and goes to agent k mod A;
/// each agent takes ("Atender siguiente") then finishes the case, over its hub, so it can take again.
/// </summary>
public static class DequeueLoad
{
    /// <param name="maxClaims">Stop after this many callers were taken (the warm-up); by default, only when cancelled.</param>
    public static async Task<DequeueStats> RunAsync(IReadOnlyList<BenchAgent> agents, double perSecond, CancellationToken stop, int maxClaims = int.MaxValue)
    {
        var start = Stopwatch.GetTimestamp();
        var takes = new List<double>();
        int claims = 0, empty = 0, errors = 0;
        await Task.WhenAll(agents.Select((agent, a) => Task.Run(async () =>
        {
            for (var k = a; !stop.IsCancellationRequested && Volatile.Read(ref claims) < maxClaims; k += agents.Count)
            {
                var due = TimeSpan.FromSeconds((k + Random.Shared.NextDouble()) / perSecond) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero && !await DelayAsync(due, stop))
                {
                    return;
                }

                try
                {
                    var took = Stopwatch.GetTimestamp();
                    var result = await agent.TakeNextAsync(CancellationToken.None);
                    lock (takes)
                    {
                        takes.Add(Stopwatch.GetElapsedTime(took).TotalMilliseconds);
                    }

                    if (result.Outcome == "Taken")
                    {
                        Interlocked.Increment(ref claims);
                        await agent.FinishAsync(CancellationToken.None);
                    }
                    else
                    {
                        Interlocked.Increment(ref empty);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new DequeueStats(claims, empty, errors, claims / elapsed, takes);
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
