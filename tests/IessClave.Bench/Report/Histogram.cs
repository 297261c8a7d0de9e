namespace IessClave.Bench.Report;

/// <summary>Millisecond buckets up to a minute: percentiles over millions of samples in constant memory.</summary>
public sealed class Histogram
{
    private readonly long[] buckets = new long[60_001];

    public long Count { get; private set; }

    public double Max { get; private set; }

    public void Add(double millis)
    {
        var bucket = (int)Math.Clamp(Math.Ceiling(millis), 0, buckets.Length - 1);
        buckets[bucket]++;
        Count++;
        Max = Math.Max(Max, millis);
    }

    /// <summary>The smallest whole millisecond that at least <paramref name="p"/> of the samples do not exceed.</summary>
    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var target = (long)Math.Ceiling(p * Count);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= target)
            {
                return i;
            }
        }

        return buckets.Length - 1;
    }
}

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of raw samples (P2 has only hundreds or thousands of them).</summary>
    public static double Of(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
