using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using IessClave.Web.Features.Registration;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.SignIn;

/// <summary>
/// Counts failed sign-ins for identifications without an active clave, so that they appear locked after the
/// same number of tries as a real account. Kept in memory (hashed keys, a day at most): after a restart an
/// unknown ID starts again at zero, which is a small, accepted difference.
/// </summary>
public sealed class UnknownIdentityFailures(IMemoryCache cache, IOptions<ClaveOptions> options)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>True when the identification already looks locked: answer like a locked account, without hashing.</summary>
    public bool LooksLocked(string identification) =>
        cache.TryGetValue(Key(identification), out StrongBox<int>? counter) && Volatile.Read(ref counter!.Value) >= options.Value.MaxFailedSignIns;

    /// <summary>Returns true when this failure makes the identification look locked.</summary>
    public bool RecordFailure(string identification)
    {
        var counter = cache.GetOrCreate(Key(identification), e =>
        {
            e.AbsoluteExpirationRelativeToNow = Retention;
            return new StrongBox<int>();
        })!;
        return Interlocked.Increment(ref counter.Value) >= options.Value.MaxFailedSignIns;
    }

    private static string Key(string identification) =>
        "unknown-signin:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identification)));
}
