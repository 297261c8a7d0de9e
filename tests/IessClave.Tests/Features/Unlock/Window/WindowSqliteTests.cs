using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Features.Unlock.Window;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Features.Unlock.Window;

/// <summary>The embedded default runs the window on SQLite: its migration, the audit-counted limit, the take-over and the history work there too.</summary>
public sealed class WindowSqliteTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("iessclave-window-sqlite-").FullName;
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Window:SearchesPerAgent"] = "2" }).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddScoped<AuditLog>().AddSingleton<SecretHasher>();
        collection.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        collection.AddDbContext<IessClaveDbContext, SqliteDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "window.db")}"));
        services = collection.AddVerification(config).AddQueue(config).AddWindow(config).BuildServiceProvider();
        await WithAsync<IessClaveDbContext, int>(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SearchOpenCheckReleaseAndTakeOver_OnSqlite()
    {
        var (identification, accountId) = await AddLockedAsync();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var request = new WindowSearchRequest(identification, WindowSearchReason.InPersonService, "Turno C-003");

        var found = await WithAsync<WindowSearch, WindowSearchResult>(s => s.SearchAsync(first, request, default));
        await WithAsync<WindowSearch, WindowSearchResult>(s => s.SearchAsync(first, request, default));
        var limited = await WithAsync<WindowSearch, WindowSearchResult>(s => s.SearchAsync(first, request, default));
        var opened = await WithAsync<WindowCases, OpenResult>(c => c.OpenAsync(first, found.Grant, default));
        var caseId = opened.CaseId!.Value;
        CheckResult check;
        await using (var scope = services.CreateAsyncScope())
        {
            var held = await scope.ServiceProvider.GetRequiredService<WindowCases>().HeldAsync(first, caseId, default);
            check = await scope.ServiceProvider.GetRequiredService<CaseChecks>().CheckTypedAsync(held!, first, CheckKind.BirthDate, "14/02/1961", default);
        }

        var blocked = await OpenAsAsync(second, identification);
        time.Advance(TimeSpan.FromMinutes(31));
        var takenOver = await OpenAsAsync(second, identification);

        Assert.Equal((SearchOutcome.Found, SearchOutcome.Limited), (found.Outcome, limited.Outcome));
        Assert.Equal(OpenOutcome.Opened, opened.Outcome);
        Assert.True(check.Matched);
        Assert.Equal(OpenOutcome.HeldElsewhere, blocked.Outcome);
        Assert.Equal((OpenOutcome.Continued, (Guid?)caseId), (takenOver.Outcome, takenOver.CaseId));
        var evidence = await WithAsync<CaseHistory, IReadOnlyList<EvidenceItem>>(h => h.EvidenceAsync(caseId, default));
        Assert.Equal(("BirthDate", true, "Ventanilla"), (evidence.Single().Kind, evidence.Single().Passed, evidence.Single().Channel));
        var history = await WithAsync<CaseHistory, IReadOnlyList<AffiliateCase>>(h => h.ForAffiliateAsync(accountId, default));
        Assert.Equal(("Ventanilla", "En curso"), (history.Single().Channels, history.Single().Outcome));
    }

    private async Task<OpenResult> OpenAsAsync(Guid agentId, string identification)
    {
        var search = await WithAsync<WindowSearch, WindowSearchResult>(s => s.SearchAsync(agentId, new WindowSearchRequest(identification, WindowSearchReason.CaseFollowUp, "vuelve"), default));
        var grant = search.Grant ?? await WithAsync<WindowGrants, string>(g => Task.FromResult(g.Issue(agentId, search.Account!.AccountId!.Value)));
        return await WithAsync<WindowCases, OpenResult>(c => c.OpenAsync(agentId, grant, default));
    }

    private async Task<(string Identification, Guid AccountId)> AddLockedAsync()
    {
        var now = time.GetUtcNow();
        var affiliate = new AffiliateRecord
        {
            Id = Guid.NewGuid(), Identification = TestIdentities.NewCedula(), Kind = IdentificationKind.Cedula, FullName = "Rosa Sqlite Quishpe",
            BirthDate = new DateOnly(1961, 2, 14), DocumentSerial = "C1", ImportedAt = now, UpdatedAt = now,
        };
        var account = new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = affiliate.Id, Status = AccountStatus.Active, SecurityAnswerHash = "x", MobilePhone = "0991234567",
            Email = "rosa@correo.test", Culture = "es", CreatedAt = now, LockedAt = now, LockoutCause = LockoutCause.TooManyFailedSignIns,
        };
        await WithAsync<IessClaveDbContext, int>(db =>
        {
            db.AddRange(affiliate, account);
            return db.SaveChangesAsync();
        });
        return (affiliate.Identification, account.Id);
    }

    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
