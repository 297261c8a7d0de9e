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
        EnsureTransaction(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM clave_accounts WHERE \"Id\" = {accountId} FOR UPDATE", ct);
        }
    }

    /// <summary>The same for a registry entry, whose account may not exist yet (a registration being submitted).</summary>
    public static async Task LockAffiliateAsync(IessClaveDbContext db, Guid affiliateId, CancellationToken ct)
    {
        EnsureTransaction(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM affiliates WHERE \"Id\" = {affiliateId} FOR UPDATE", ct);
        }
    }

    private static void EnsureTransaction(IessClaveDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock only means something inside a transaction.");
        }
    }
}
