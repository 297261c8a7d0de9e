using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// Appends waiting-set changes in the caller's transaction. On PostgreSQL the append takes a transaction-level
/// advisory lock first, so event ids are handed out in commit order and readers never see a later id before an
/// earlier one commits. Only this last, tiny step is serialized; claims themselves stay concurrent.
/// </summary>
public sealed class QueueEventWriter(IessClaveDbContext db, TimeProvider time)
{
    private const long LockKey = 0x1E55_C1A7_0001;

    public async Task AppendAsync(IEnumerable<(QueueLane Lane, long TicketId, int Delta)> changes, CancellationToken ct)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Queue events must be appended inside the transaction that changes the tickets.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }

        var now = time.GetUtcNow();
        db.QueueEvents.AddRange(list.Select(c => new QueueEvent { At = now, Lane = c.Lane, TicketId = c.TicketId, Delta = c.Delta }));
        await db.SaveChangesAsync(ct);
    }

    public Task AppendAsync(QueueLane lane, long ticketId, int delta, CancellationToken ct) => AppendAsync([(lane, ticketId, delta)], ct);
}
