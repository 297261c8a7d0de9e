using IessClave.Web;
using IessClave.Web.Features.Unlock.Room;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Features.Unlock.Room;

/// <summary>The embedded default keeps rooms in SQLite: its migration, the conditional updates and the time comparisons work there too.</summary>
public sealed class RoomSqliteTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("iessclave-room-sqlite-").FullName;
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "http://127.0.0.1:5080" }).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddScoped<AuditLog>();
        collection.AddOptions<SiteOptions>().Bind(config.GetSection(SiteOptions.Section));
        collection.AddDbContext<IessClaveDbContext, SqliteDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "room.db")}"));
        services = collection.AddRoom(config).BuildServiceProvider();
        await WithAsync<IessClaveDbContext>(db => db.Database.MigrateAsync());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task OpenJoinExpireAndClose_OnSqlite()
    {
        var caseId = Guid.NewGuid();
        var now = time.GetUtcNow();
        var first = await WithAsync<IBuiltInRooms, Meeting>(r => r.OpenAsync(caseId, now, now.AddMinutes(30), default));
        var meeting = await WithAsync<IBuiltInRooms, Meeting>(r => r.OpenAsync(caseId, now, now.AddMinutes(30), default));

        var replaced = await JoinAsync(first.AffiliateJoinUrl);
        var joined = await JoinAsync(meeting.AffiliateJoinUrl);
        var reused = await JoinAsync(meeting.AffiliateJoinUrl);
        time.Advance(TimeSpan.FromMinutes(30));
        var expired = await JoinAsync(meeting.AgentJoinUrl);
        await WithAsync<IBuiltInRooms>(r => r.CloseAsync(caseId, default));
        var closed = await JoinAsync(meeting.AgentJoinUrl);

        Assert.Equal(
            [JoinStatus.Revoked, JoinStatus.Valid, JoinStatus.Used, JoinStatus.Expired, JoinStatus.Closed],
            [replaced.Status, joined.Status, reused.Status, expired.Status, closed.Status]);
        Assert.Equal((caseId, Web.Domain.RoomRole.Affiliate), (joined.RoomId!.Value, joined.Role!.Value));
    }

    private Task<JoinView> JoinAsync(string url) =>
        WithAsync<RoomJoinHandler, JoinView>(h => h.JoinAsync(Support.RoomFlows.TokenOf(url), agentId: null, default));

    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
