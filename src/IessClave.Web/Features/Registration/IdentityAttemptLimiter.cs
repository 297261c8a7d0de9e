using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Registration;

/// <summary>
/// Limits identity proofs (birth date, answers) per identification, counted the same whether the ID exists or
/// not, so the limit itself reveals nothing. Per-IP limits are the ASP.NET Core rate limiter's job.
/// </summary>
public sealed class IdentityAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public IdentityAttemptLimiter(IOptions<ClaveOptions> options)
    {
        var o = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = o.IdentityAttemptsPerWindow,
                Window = o.IdentityAttemptWindow,
                QueueLimit = 0,
            }));
    }

    public bool TryAcquire(string purpose, string identification)
    {
        using var lease = limiter.AttemptAcquire($"{purpose}:{identification}");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
