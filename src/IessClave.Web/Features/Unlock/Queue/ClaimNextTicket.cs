using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// The head of the queue, taken in ONE statement: priority lane first, then by number; tickets whose page is
/// disconnected keep their place but are not handed out. On PostgreSQL, FOR UPDATE SKIP LOCKED lets parallel
/// agents take different tickets without waiting for each other; SQLite has a single writer anyway.
/// </summary>
public static class ClaimNextTicket
{
    private const string Select = """
        SELECT "Id" FROM queue_tickets WHERE "Status" = 1 AND "DisconnectedAt" IS NULL ORDER BY "Lane" DESC, "Id" LIMIT 1
        """;

    public static async Task<long?> ExecuteAsync(IessClaveDbContext db, CancellationToken ct)
    {
        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $"UPDATE queue_tickets SET \"Status\" = 2 WHERE \"Id\" = ({Select}{lockClause}) RETURNING \"Id\"";
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Claims run inside a transaction.");
        var result = await command.ExecuteScalarAsync(ct);
        return result is null or DBNull ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
