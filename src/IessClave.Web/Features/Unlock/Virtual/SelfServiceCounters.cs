using System.Security.Cryptography;
using System.Text;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>Wrong self-service proofs per identification (see <see cref="SelfServiceCounter"/>).</summary>
public sealed class SelfServiceCounters(IessClaveDbContext db, TimeProvider time)
{
    public static byte[] KeyOf(string identification) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("iessclave.self-service.v1:" + identification));

    public Task<int> FailuresAsync(string identification, CancellationToken ct)
    {
        var key = KeyOf(identification);
        return db.SelfServiceCounters.Where(c => c.IdentificationHash == key).Select(c => c.Failures).SingleOrDefaultAsync(ct);
    }

    /// <summary>Counts one more failure and returns the new total. Runs on its own, before the caller's other changes.</summary>
    public async Task<int> RecordFailureAsync(string identification, CancellationToken ct)
    {
        var key = KeyOf(identification);
        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            // One statement, so parallel wrong answers cannot be lost.
            var rows = await db.SelfServiceCounters.Where(c => c.IdentificationHash == key)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Failures, c => c.Failures + 1).SetProperty(c => c.UpdatedAt, now), ct);
            if (rows == 0)
            {
                var first = new SelfServiceCounter { IdentificationHash = key, Failures = 1, UpdatedAt = now };
                db.SelfServiceCounters.Add(first);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return 1;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another request inserted the row first: count on it.
                    db.Entry(first).State = EntityState.Detached;
                    continue;
                }
            }

            return await FailuresAsync(identification, ct);
        }
    }

    /// <summary>Opens the way again, in the caller's unit of work (a verified unlock, a used self-service link).</summary>
    public async Task ResetAsync(string identification, CancellationToken ct)
    {
        var key = KeyOf(identification);
        if (await db.SelfServiceCounters.SingleOrDefaultAsync(c => c.IdentificationHash == key, ct) is { } row)
        {
            db.SelfServiceCounters.Remove(row);
        }
    }
}
