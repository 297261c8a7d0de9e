using System.Globalization;

namespace IessClave.Bench.Hosting;

/// <summary>What Linux says about a process: CPU time (utime + stime) and resident memory.</summary>
public static class ProcStats
{
    /// <summary>USER_HZ; 100 on every Linux the harness targets (sysconf(_SC_CLK_TCK)).</summary>
    private const double TicksPerSecond = 100;

    public static double CpuSeconds(int pid) => CpuTicks(pid) / TicksPerSecond;

    /// <summary>CPU seconds of every process of the PostgreSQL cluster (the postmaster and its children).</summary>
    public static double TreeCpuSeconds(int rootPid)
    {
        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Fields(pid) is { } f
                && (pid == rootPid || long.Parse(f[1], CultureInfo.InvariantCulture) == rootPid))
            {
                total += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            }
        }

        return total / TicksPerSecond;
    }

    /// <summary>Busy and total jiffies of the whole machine (first line of /proc/stat).</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var idle = parts[3] + parts[4];
        var total = parts.Take(8).Sum();
        return (total - idle, total);
    }

    public static MemorySample Memory(int pid)
    {
        long Kb(string key) => File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        return new MemorySample(Kb("VmRSS"), Kb("RssAnon"));
    }

    private static long CpuTicks(int pid)
    {
        var f = Fields(pid) ?? throw new InvalidOperationException($"Process {pid} is gone.");
        return long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of /proc/PID/stat after "(comm)": [0] = state, [1] = ppid, [11] = utime, [12] = stime.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Resident set (all) and its anonymous part (heap, stacks: the process's private memory), in kB.</summary>
public readonly record struct MemorySample(long RssKb, long AnonKb);
