using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Infrastructure.Data;

/// <summary>
/// Serializes work on one clave account inside the caller's transaction: on PostgreSQL the account's row is locked
/// until commit, so a second request for the same account waits and then sees what the first one wrote (its link,
/// its case) instead of racing it. SQLite transactions already take the database's write lock when they begin.
/// </summary>
public static class AccountLocks
{
    public static async Task LockAsync(IessClaveDbContext db, Guid accountId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An account lock only means something inside a transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM clave_accounts WHERE \"Id\" = {accountId} FOR UPDATE", ct);
        }
    }
}
