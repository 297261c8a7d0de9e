using IessClave.Web.Infrastructure.RobotCheck;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Infrastructure.RobotCheck;

internal static class RobotCheckTestHost
{
    public const string SharedKey = "test-hmac-key-with-at-least-32-characters!";

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 14, 30, 15, 250, TimeSpan.Zero));

    public static AltchaService NewService(TimeProvider time, string? hmacKey = SharedKey, bool enabled = true) =>
        new(
            Options.Create(new AltchaOptions
            {
                HmacKey = hmacKey,
                MaxNumber = 1000,
                ChallengeLifetime = TimeSpan.FromMinutes(10),
                Enabled = enabled,
            }),
            time,
            new MemoryCache(new MemoryCacheOptions()));
}
