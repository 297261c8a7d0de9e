using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Infrastructure.Security;

/// <summary>
/// Scheduled at a token's expiry. Expiry is enforced when the link is used; this job only marks the token as
/// expired for reporting, and running it twice or early changes nothing.
/// </summary>
public sealed class ExpireTokenJob(IessClaveDbContext db, TimeProvider time)
{
    public async Task<bool> RunAsync(Guid tokenId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = await db.Tokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null || token.UsedAt is not null || token.RevokedAt is not null || token.ExpiredMarkedAt is not null || now < token.ExpiresAt)
        {
            return false;
        }

        token.ExpiredMarkedAt = now;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
