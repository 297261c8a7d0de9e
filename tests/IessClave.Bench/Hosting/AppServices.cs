using IessClave.Web;

namespace IessClave.Bench.Hosting;

/// <summary>
/// The app's own service container, built in the harness process but never started (no Kestrel, no hosted
/// services): the harness uses it to migrate and seed the database, create agent accounts, issue ticket
/// cookies with the app's data-protection keys (kept in the database), and, for P2, to call the claim path.
/// </summary>
public sealed class AppServices : IAsyncDisposable
{
    private readonly WebApplication app;

    private AppServices(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public static async Task<AppServices> CreateAsync(string webDir, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = webDir, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddIessClave();
        var services = new AppServices(builder.Build());
        await CommandLine.MigrateAsync(services.Services);
        return services;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
