using Hangfire;
using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Security;

/// <summary>
/// Issues single-use link tokens; issuing a new one for a purpose revokes the account's earlier ones. Issuing
/// runs in the caller's transaction under the account's row lock (<see cref="RowLocks"/>), so two issues at once
/// cannot both miss each other's link and leave two live ones.
/// </summary>
public sealed class TokenIssuer(IessClaveDbContext db, TimeProvider time, IOptions<ClaveOptions> options, IBackgroundJobClient jobs)
{
    public async Task<IssuedToken> IssueAsync(Guid accountId, TokenPurpose purpose, CancellationToken ct)
    {
        // Usually already held by the caller (it read what it decides on under it); re-taking it is free.
        await RowLocks.LockAccountAsync(db, accountId, ct);
        var now = time.GetUtcNow();
        var pending = await db.Tokens
            .Where(t => t.AccountId == accountId && t.Purpose == purpose && t.UsedAt == null && t.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var old in pending)
        {
            old.RevokedAt = now;
        }

        var (raw, hash) = LinkTokens.Create();
        var token = new AccountToken
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Purpose = purpose,
            TokenHash = hash,
            IssuedAt = now,
            ExpiresAt = now + options.Value.LinkLifetime,
        };
        db.Tokens.Add(token);
        return new IssuedToken(token, raw);
    }

    /// <summary>Call after SaveChanges: schedules the clean-up job at the expiry instant.</summary>
    public void ScheduleExpiry(AccountToken token) =>
        jobs.Schedule<ExpireTokenJob>(j => j.RunAsync(token.Id, CancellationToken.None), token.ExpiresAt - time.GetUtcNow());

    /// <summary>Finds a token of the given purpose by its raw value; null for forged, truncated or unknown values.</summary>
    public async Task<AccountToken?> FindAsync(string? raw, TokenPurpose purpose, CancellationToken ct)
    {
        var hash = LinkTokens.TryHash(raw);
        return hash is null
            ? null
            : await db.Tokens.Include(t => t.Account).ThenInclude(a => a.Affiliate)
                .SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
    }

    /// <summary>Marks the token used, atomically: exactly one concurrent caller wins.</summary>
    public async Task<bool> TryConsumeAsync(AccountToken token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Tokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return rows == 1;
    }
}

public sealed record IssuedToken(AccountToken Token, string RawValue);
