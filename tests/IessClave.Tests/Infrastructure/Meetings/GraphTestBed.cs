using IessClave.Tests.Support;
using IessClave.Tests.Support.FakeGraph;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Infrastructure.Meetings;

/// <summary>
/// The meetings slice wired as the app wires it (<c>AddMeetings</c>, Provider=Graph) against a fresh fake Graph server,
/// with a fake built-in room, captured logs and a handler that refuses anything but the fake.
/// </summary>
public sealed class GraphTestBed : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    private GraphTestBed(FakeGraphServer graph, Dictionary<string, string?> overrides)
    {
        Graph = graph;
        Handlers = graph.CreateHandlerFactory();
        var settings = new Dictionary<string, string?>
        {
            ["Meetings:Provider"] = "Graph",
            ["Meetings:Graph:TenantId"] = FakeGraphServer.TenantId,
            ["Meetings:Graph:ClientId"] = FakeGraphServer.ClientId,
            ["Meetings:Graph:ClientSecret"] = FakeGraphServer.ClientSecret,
            ["Meetings:Graph:OrganizerUserId"] = FakeGraphServer.Organizer,
            ["Meetings:Graph:BaseUrl"] = graph.BaseUrl,
            ["Meetings:Graph:AuthorityHost"] = graph.AuthorityHost,
            ["Meetings:Graph:MaxRetries"] = "2",
            ["Meetings:Graph:Timeout"] = "00:00:20",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IBuiltInRooms>(Rooms)
            .AddSingleton<GraphHttpHandlerFactory>(Handlers);
        provider = services.AddMeetings(config).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        scope = provider.CreateAsyncScope();
    }

    public FakeGraphServer Graph { get; }

    public FakeGraphHandlerFactory Handlers { get; }

    public FakeBuiltInRooms Rooms { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));

    public MeetingService Meetings => scope.ServiceProvider.GetRequiredService<MeetingService>();

    public static async Task<GraphTestBed> StartAsync(Dictionary<string, string?>? overrides = null) =>
        new(await FakeGraphServer.StartAsync(), overrides ?? []);

    /// <summary>Nothing left the machine: every request the SDK or Azure.Identity made went to the fake's origin.</summary>
    public void AssertOnlyFakeContacted()
    {
        Assert.NotEmpty(Handlers.Outgoing);
        Assert.All(Handlers.Outgoing, uri => Assert.Equal(Graph.Origin.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(Handlers.Outgoing.Count, Graph.Requests.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
