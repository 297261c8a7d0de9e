using System.Data.Common;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>The ticket a claim took: enough to open the case and write the departure event without reading it again.</summary>
public sealed record ClaimedTicket(long Id, QueueLane Lane, Guid AccountId, PriorityReason PriorityReason);

/// <summary>
/// The head of the queue, taken in ONE statement: priority lane first, then by number; tickets whose page is
/// disconnected keep their place but are not handed out. The same statement marks it called by the agent and
/// returns what the caller needs. On PostgreSQL, FOR UPDATE SKIP LOCKED lets parallel agents take different tickets
/// without waiting for each other, and the partial index ix_queue_tickets_claim_head makes the head one index entry
/// away however long the line; SQLite has a single writer anyway.
/// </summary>
public static class ClaimNextTicket
{
    internal const string Select = """
        SELECT "Id" FROM queue_tickets WHERE "Status" = 1 AND "DisconnectedAt" IS NULL ORDER BY "Lane" DESC, "Id" LIMIT 1
        """;

    public static async Task<ClaimedTicket?> ExecuteAsync(IessClaveDbContext db, Guid agentId, DateTimeOffset calledAt, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Claims run inside a transaction.");
        }

        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $"UPDATE queue_tickets SET \"Status\" = 2, \"AgentId\" = @agent, \"CalledAt\" = @at WHERE \"Id\" = ({Select}{lockClause}) RETURNING \"Id\", \"Lane\", \"AccountId\", \"PriorityReason\"";
        return (await db.Database.SqlQueryRaw<ClaimedTicket>(sql, Parameter(db, nameof(QueueTicket.AgentId), "agent", agentId), Parameter(db, nameof(QueueTicket.CalledAt), "at", calledAt))
            .ToListAsync(ct)).SingleOrDefault();
    }

    /// <summary>A parameter in the column's own mapping (SQLite keeps times as binary numbers, PostgreSQL as timestamptz).</summary>
    private static DbParameter Parameter(IessClaveDbContext db, string property, string name, object value)
    {
        var mapping = db.Model.FindEntityType(typeof(QueueTicket))!.FindProperty(property)!.GetRelationalTypeMapping();
        using var command = db.Database.GetDbConnection().CreateCommand();
        return mapping.CreateParameter(command, name, value);
    }
}
