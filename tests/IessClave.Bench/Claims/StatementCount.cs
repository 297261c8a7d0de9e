using IessClave.Bench.Hosting;
using Npgsql;

namespace IessClave.Bench.Claims;

/// <summary>Statements one claim sends, by who sends them, from pg_stat_statements (run.sh preloads it).</summary>
public sealed record ClaimStatements(int Claims, double Total, double App, double Hangfire, double Control, double DbMillis, IReadOnlyList<(double PerClaim, string Query)> Top);

public static class StatementCount
{
    /// <summary>
    /// Each of <paramref name="agents"/> (fresh, available) takes one caller, one after the other; the statements the
    /// database executed meanwhile are divided by the number of claims. Null when pg_stat_statements is not loaded.
    /// </summary>
    public static async Task<ClaimStatements?> PerClaimAsync(NpgsqlDataSource db, ClaimPaths paths, IReadOnlyList<Guid> agents)
    {
        try
        {
            await ExecuteAsync(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await ExecuteAsync(db, "SELECT pg_stat_statements_reset()");
        }
        catch (PostgresException)
        {
            return null;
        }

        foreach (var agent in agents)
        {
            await paths.TakeOnlyAsync(agent);
        }

        var rows = new List<(long Calls, double Millis, string Query)>();
        await using (var command = db.CreateCommand("""
            SELECT calls, total_exec_time, query FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetString(2)));
            }
        }

        double n = agents.Count;
        static bool IsHangfire(string q) => q.Contains("\"hangfire\".", StringComparison.OrdinalIgnoreCase) || q.Contains("hangfire.", StringComparison.OrdinalIgnoreCase);
        static bool IsControl(string q) => q.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase) || q.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)
            || q.StartsWith("ROLLBACK", StringComparison.OrdinalIgnoreCase) || q.StartsWith("DISCARD", StringComparison.OrdinalIgnoreCase);
        double Count(Func<string, bool> which) => rows.Where(r => which(r.Query)).Sum(r => r.Calls) / n;
        var top = rows.OrderByDescending(r => r.Calls).Take(14).Select(r => (r.Calls / n, OneLine(r.Query))).ToList();
        return new ClaimStatements(agents.Count, Count(_ => true), Count(q => !IsHangfire(q) && !IsControl(q)), Count(IsHangfire), Count(IsControl),
            rows.Sum(r => r.Millis) / n, top);
    }

    private static string OneLine(string query)
    {
        var line = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 90 ? line : line[..90] + "…";
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
