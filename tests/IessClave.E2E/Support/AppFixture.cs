using IessClave.Web;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents.Admin;
using IessClave.Web.Features.Registry;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IessClave.E2E.Support;

/// <summary>
/// Boots the app once per test run: its own PostgreSQL database and Hangfire schema, the mail outbox in a temp
/// folder shown at /dev/correos, the real clock, and mailed links that point at this server.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), $"iessclave-e2e-outbox-{Guid.NewGuid():N}");
    private TestDatabase? database;
    private IessClaveAppFactory? factory;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for what a test sets up the way another feature would (e.g. opening a room).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("iessclave_e2e");
        var port = IessClaveAppFactory.FindFreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        factory = new IessClaveAppFactory(Settings(database, baseUrl), port);
        factory.StartServer();

        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        Assert.Equal(baseUrl, BaseUrl);

        // WebApplicationFactory does not run RunIessClaveAsync: migrate and seed as it would.
        await CommandLine.MigrateAsync(factory.Services);
        await ImportAsync(DemoRegistry.Rows());
    }

    /// <summary>Adds a person nobody else uses to the registry and returns their (valid) cédula.</summary>
    public async Task<string> AddAffiliateAsync(string fullName, string birthDate)
    {
        var cedula = TestIdentities.NewCedula();
        await ImportAsync([new AffiliateRow(1, cedula, fullName, birthDate, null)]);
        return cedula;
    }

    /// <summary>A registered person whose clave is locked (registration and lockout have their own tests).</summary>
    public async Task<string> AddLockedAccountAsync(string fullName, string birthDate)
    {
        var cedula = await AddAffiliateAsync(fullName, birthDate);
        await using var scope = factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var affiliate = db.Affiliates.Single(a => a.Identification == cedula);
        var now = DateTimeOffset.UtcNow;
        db.Accounts.Add(new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = affiliate.Id, Status = AccountStatus.Active, PasswordHash = "not-a-real-hash",
            SecurityAnswerHash = "not-a-real-hash", MobilePhone = "0991234567", Email = TestIdentities.NewEmail("fila"), Culture = "es",
            CreatedAt = now, ActivatedAt = now, LockedAt = now, LockoutCause = LockoutCause.TooManyFailedSignIns,
        });
        await db.SaveChangesAsync();
        return cedula;
    }

    /// <summary>
    /// A locked account whose registry entry has a document serial and whose security answer (question 1) is really
    /// hashed, so every blind check of the service window can match. Returns the cédula and the contact email.
    /// </summary>
    public async Task<(string Identification, string Email)> AddLockedAccountWithDocumentAsync(string fullName, string birthDate, string serial, string answer)
    {
        var cedula = TestIdentities.NewCedula();
        await ImportAsync([new AffiliateRow(1, cedula, fullName, birthDate, serial)]);
        await using var scope = factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var affiliate = db.Affiliates.Single(a => a.Identification == cedula);
        var email = TestIdentities.NewEmail("ventanilla");
        var now = DateTimeOffset.UtcNow;
        db.Accounts.Add(new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = affiliate.Id, Status = AccountStatus.Active, PasswordHash = "not-a-real-hash", SecurityImageId = 2, SecurityQuestionId = 1,
            SecurityAnswerHash = scope.ServiceProvider.GetRequiredService<IessClave.Web.Infrastructure.Security.SecretHasher>().HashAnswer(answer),
            MobilePhone = "0991234567", Email = email, Culture = "es", CreatedAt = now, ActivatedAt = now, LockedAt = now,
            LockoutCause = LockoutCause.TooManyFailedSignIns,
        });
        await db.SaveChangesAsync();
        return (cedula, email);
    }

    /// <summary>Creates a staff account that still has to enrol its authenticator; returns its user name.</summary>
    public async Task<string> AddAgentAsync(AgentRoles roles, string password)
    {
        var userName = $"e2e.{Guid.NewGuid():N}"[..20];
        await using var scope = factory!.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAgentHandler>()
            .CreateAsync(new NewAgent(userName, "Agente E2E Quishpe", roles, password), AuditActors.System, "e2e", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return userName;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(outboxPath))
        {
            Directory.Delete(outboxPath, recursive: true);
        }
    }

    private async Task ImportAsync(IEnumerable<AffiliateRow> rows)
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportAffiliatesHandler>().ImportAsync(rows, skipBadRows: false, CancellationToken.None);
        Assert.True(report.Imported, string.Join("; ", report.Errors.Select(e => $"{e.Line} {e.Field}: {e.Reason}")));
    }

    private Dictionary<string, string?> Settings(TestDatabase db, string baseUrl) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = db.ConnectionString,
        ["Database:MigrateOnStart"] = "true",
        ["Jobs:Schema"] = "hf_e2e_" + db.Name[^8..],
        ["Jobs:PollInterval"] = "00:00:00.250",
        ["Mail:Delivery"] = "Outbox",
        ["Mail:OutboxPath"] = outboxPath,
        ["Site:ShowDevOutbox"] = "true",
        ["Site:SeedDemoRegistry"] = "false",
        ["Site:PublicBaseUrl"] = baseUrl,
        ["RobotCheck:MaxNumber"] = "2000",
        ["RateLimits:IdentityFormsPerIpPerMinute"] = "1000",
        ["RateLimits:ChallengesPerIpPerMinute"] = "1000",
    };
}
