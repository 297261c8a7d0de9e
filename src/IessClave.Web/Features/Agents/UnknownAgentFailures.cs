using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

/// <summary>
/// Counts failed sign-ins for user names that have no account, so that they look locked after as many tries as
/// a real account does: the sign-in page never tells whether a user name exists. In memory, a day at most.
/// </summary>
public sealed class UnknownAgentFailures(IMemoryCache cache, IOptions<AgentOptions> options)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public bool LooksLocked(string userName) =>
        cache.TryGetValue(Key(userName), out StrongBox<int>? counter) && Volatile.Read(ref counter!.Value) >= options.Value.MaxFailedAttempts;

    /// <summary>Returns true when this failure makes the user name look locked.</summary>
    public bool RecordFailure(string userName)
    {
        var counter = cache.GetOrCreate(Key(userName), e =>
        {
            e.AbsoluteExpirationRelativeToNow = Retention;
            return new StrongBox<int>();
        })!;
        return Interlocked.Increment(ref counter.Value) >= options.Value.MaxFailedAttempts;
    }

    private static string Key(string userName) =>
        "unknown-agent:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userName)));
}
