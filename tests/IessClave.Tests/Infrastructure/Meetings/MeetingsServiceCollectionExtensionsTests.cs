using IessClave.Web.Infrastructure.Meetings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Infrastructure.Meetings;

public sealed class MeetingsServiceCollectionExtensionsTests
{
    private const string Secret = "s3cr3t-value-that-must-not-appear";

    private static readonly Dictionary<string, string?> ValidGraph = new()
    {
        ["Meetings:Provider"] = "Graph",
        ["Meetings:Graph:TenantId"] = "contoso.onmicrosoft.com",
        ["Meetings:Graph:ClientId"] = "11111111-2222-3333-4444-555555555555",
        ["Meetings:Graph:ClientSecret"] = Secret,
        ["Meetings:Graph:OrganizerUserId"] = "mesa@contoso.ec",
    };

    [Fact]
    public async Task AddMeetings_WithDefaults_UsesTheBuiltInRoomDirectly()
    {
        var rooms = new FakeBuiltInRooms();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var config = new ConfigurationBuilder().Build();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time)
            .AddSingleton<IBuiltInRooms>(rooms).AddMeetings(config).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<MeetingService>();
        var caseId = Guid.NewGuid();

        var meeting = await service.StartCallAsync(caseId, CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, service.ConfiguredKind);
        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Null(meeting.FallbackReason);
        Assert.Equal((caseId, time.GetUtcNow(), time.GetUtcNow().AddMinutes(30)), Assert.Single(rooms.Opened));
        var options = provider.GetRequiredService<IOptions<MeetingOptions>>().Value;
        Assert.Equal(MeetingProviderKind.BuiltIn, options.Provider);
        Assert.Equal(GraphMeetingOptions.DefaultBaseUrl, options.Graph.BaseUrl);
        Assert.Equal(3, options.Graph.MaxRetries);
    }

    [Fact]
    public async Task AddMeetings_WithGraph_UsesTheGraphProvider()
    {
        using var host = Build(ValidGraph);
        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();

        Assert.Equal(MeetingKind.Teams, scope.ServiceProvider.GetRequiredService<MeetingService>().ConfiguredKind);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Meetings:Graph:ClientSecret", null, "Meetings:Graph:ClientSecret is required")]
    [InlineData("Meetings:Graph:ClientSecret", "  ", "Meetings:Graph:ClientSecret is required")]
    [InlineData("Meetings:Graph:TenantId", null, "Meetings:Graph:TenantId is required")]
    [InlineData("Meetings:Graph:ClientId", null, "Meetings:Graph:ClientId is required")]
    [InlineData("Meetings:Graph:OrganizerUserId", null, "Meetings:Graph:OrganizerUserId is required")]
    [InlineData("Meetings:Graph:TenantId", "bad/tenant", "Meetings:Graph:TenantId must be")]
    [InlineData("Meetings:Graph:BaseUrl", "http://graph.microsoft.com/v1.0", "Meetings:Graph:BaseUrl")]
    [InlineData("Meetings:Graph:AuthorityHost", "http://127.0.0.1:5000/", "Meetings:Graph:AuthorityHost")]
    [InlineData("Meetings:Graph:MaxRetries", "11", "Meetings:Graph:MaxRetries")]
    [InlineData("Meetings:Graph:Timeout", "00:00:00", "Meetings:Graph:Timeout")]
    [InlineData("Meetings:CallDuration", "00:01:00", "Meetings:CallDuration")]
    public async Task AddMeetings_WhenGraphOptionsInvalid_FailsAtStart(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(ValidGraph) { [key] = value };
        using var host = Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMeetings_WhenBuiltIn_DoesNotRequireGraphSettings()
    {
        using var host = Build(new() { ["Meetings:Provider"] = "BuiltIn", ["Meetings:Graph:MaxRetries"] = "99" });

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging().AddSingleton<IBuiltInRooms, FakeBuiltInRooms>().AddMeetings(builder.Configuration);
        return builder.Build();
    }
}
