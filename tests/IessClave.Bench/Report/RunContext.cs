using System.Runtime.InteropServices;
using Npgsql;

namespace IessClave.Bench.Report;

/// <summary>Where and when the figures were taken, and how loaded the machine was.</summary>
public sealed record RunContext(DateTimeOffset StartedAt, string Machine, string Runtime, string Postgres, string LoadAtStart)
{
    public static async Task<RunContext> CaptureAsync(string postgres)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var machine = $"{Environment.ProcessorCount} cores ({cpu}), {long.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GiB RAM, {RuntimeInformation.OSDescription}";
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        var pg = "PostgreSQL " + await command.ExecuteScalarAsync();
        return new RunContext(DateTimeOffset.Now, machine, RuntimeInformation.FrameworkDescription, pg, LoadAverage());
    }

    /// <summary>The 1, 5 and 15 minute load averages, as `uptime` prints them.</summary>
    public static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
