using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Infrastructure.Data;

/// <summary>
/// Serializes work on one account (clave, registry entry or staff) inside the caller's transaction: on PostgreSQL
/// the row is locked until commit, so a second request for the same account waits and then sees what the first
/// one wrote (its link, its case, its count) instead of racing it. SQLite transactions already take the
/// database's write lock when they begin.
/// </summary>
public static class RowLocks
{
    public static async Task LockAccountAsync(IessClaveDbContext db, Guid accountId, CancellationToken ct)
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

    /// <summary>The same for a staff account (e.g. counting its window searches against its limit).</summary>
    public static async Task LockAgentAsync(IessClaveDbContext db, Guid agentId, CancellationToken ct)
    {
        EnsureTransaction(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM agent_accounts WHERE \"Id\" = {agentId} FOR UPDATE", ct);
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
