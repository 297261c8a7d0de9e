using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Support;

/// <summary>
/// The real app on real PostgreSQL (its own database and Hangfire schema), mail over real SMTP to an
/// in-process server, and a <see cref="FakeTimeProvider"/> for every clock the app reads.
/// </summary>
public sealed class PostgresAppFactory(TestDatabase database, SmtpTestServer smtp, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Jobs:Schema"] = "hf_" + database.Name[^12..],
            ["Jobs:WorkerCount"] = "2",
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Site:PublicBaseUrl"] = "http://localhost",
            ["Site:ShowDevOutbox"] = "false",
            ["Site:SeedDemoRegistry"] = "false",
            ["RobotCheck:MaxNumber"] = "500",
            ["RateLimits:IdentityFormsPerIpPerMinute"] = "10000",
            ["RateLimits:ChallengesPerIpPerMinute"] = "10000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            testServices?.Invoke(services);
        });
    }
}
