using System.Net.Http.Json;
using IessClave.Web;
using IessClave.Web.Features.Registry;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.RobotCheck;
using IessClave.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Support;

/// <summary>One running app for a test class or collection: PostgreSQL, SMTP server, fake clock, helpers.</summary>
public class PostgresApp : IAsyncLifetime
{
    private TestDatabase? database;
    private SmtpTestServer? smtp;
    private PostgresAppFactory? factory;

    protected virtual IDictionary<string, string?> Overrides => new Dictionary<string, string?>();

    /// <summary>Replaces services of the app (e.g. the handler that sends Graph calls to a fake Graph server).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Runs before the app is built (e.g. to start a fake server whose address goes into <see cref="Overrides"/>).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    public PostgresAppFactory Factory => factory ?? throw new InvalidOperationException("Not started.");

    public SmtpTestServer Smtp => smtp ?? throw new InvalidOperationException("Not started.");

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not started.");

    public FakeTimeProvider Time => Factory.Time;

    public IServiceProvider Services => Factory.Services;

    public SecretHasher Hasher => Services.GetRequiredService<SecretHasher>();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("iessclave_it");
        smtp = await SmtpTestServer.StartAsync();
        await BeforeStartAsync();
        factory = new PostgresAppFactory(database, smtp, Overrides, ConfigureTestServices);
        await CommandLine.MigrateAsync(factory.Services);
        var logs = factory.Logs;
        Eventually.Diagnostics = () => string.Join("\n", logs.Lines.Where(l => l.StartsWith("Error") || l.StartsWith("Warning") || l.StartsWith("Critical")).TakeLast(20));
        await AfterStartAsync();
    }

    /// <summary>For fixtures that need more set up once the app runs (e.g. the clock on a given day).</summary>
    protected virtual Task AfterStartAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<IessClaveDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IessClaveDbContext>());
    }

    /// <summary>Adds a registry entry for a brand-new identification and returns it.</summary>
    public async Task<TestAffiliate> NewAffiliateAsync(string? fullName = null, DateOnly? birthDate = null, bool foreign = false)
    {
        var affiliate = new TestAffiliate(
            foreign ? TestIdentities.NewForeignCode() : TestIdentities.NewCedula(),
            fullName ?? "Prueba Integración Andrade",
            birthDate ?? new DateOnly(1980, 6, 15));
        await using var scope = Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportAffiliatesHandler>().ImportAsync(
            [new AffiliateRow(2, affiliate.Identification, affiliate.FullName, affiliate.BirthDate.ToString("yyyy-MM-dd"), "S123")],
            skipBadRows: false, CancellationToken.None);
        Assert.True(report.Imported, string.Join("; ", report.Errors));
        return affiliate;
    }

    /// <summary>Fetches a challenge from the app and solves it as the browser widget would.</summary>
    public async Task<string> RobotProofAsync(HttpClient client)
    {
        var challenge = await client.GetFromJsonAsync<AltchaChallenge>("/api/v1/robot-check/challenge");
        return AltchaSolver.SolvePayload(challenge!);
    }
}

public sealed record TestAffiliate(string Identification, string FullName, DateOnly BirthDate)
{
    public string Email { get; } = $"afiliado.{Guid.NewGuid():N}@correo.test";
}
