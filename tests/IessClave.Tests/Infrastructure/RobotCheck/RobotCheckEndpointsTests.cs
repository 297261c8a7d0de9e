using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.RobotCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Infrastructure.RobotCheck;

public class RobotCheckEndpointsTests
{
    [Fact]
    public async Task GetChallenge_Always_ReturnsWidgetJsonThatIsNotCached()
    {
        await using var app = await StartAsync(new() { ["RobotCheck:MaxNumber"] = "1000" });

        using var response = await app.GetTestClient().GetAsync("/api/v1/robot-check/challenge");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["algorithm", "challenge", "maxnumber", "salt", "signature"], names);
        Assert.Equal("SHA-256", json.RootElement.GetProperty("algorithm").GetString());
        Assert.Equal(1000, json.RootElement.GetProperty("maxnumber").GetInt32());
    }

    [Fact]
    public async Task GetChallenge_WhenSolvedLikeTheWidget_VerifiesOnceInTheApp()
    {
        await using var app = await StartAsync(new() { ["RobotCheck:MaxNumber"] = "1000" });

        var challenge = await app.GetTestClient().GetFromJsonAsync<AltchaChallenge>("/api/v1/robot-check/challenge");
        var payload = AltchaSolver.SolvePayload(challenge!);
        var service = app.Services.GetRequiredService<AltchaService>();

        Assert.True(service.Verify(payload));
        Assert.False(service.Verify(payload));
    }

    [Fact]
    public async Task GetChallenge_WhenDisabled_ReturnsNotFound()
    {
        await using var app = await StartAsync(new() { ["RobotCheck:Enabled"] = "false" });

        using var response = await app.GetTestClient().GetAsync("/api/v1/robot-check/challenge");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AddRobotCheck_WithDefaults_UsesProductionSettings()
    {
        await using var app = await StartAsync([]);

        var options = app.Services.GetRequiredService<IOptions<AltchaOptions>>().Value;

        Assert.Equal(50_000, options.MaxNumber);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ChallengeLifetime);
        Assert.True(options.Enabled);
    }

    [Theory]
    [InlineData("RobotCheck:MaxNumber", "0")]
    [InlineData("RobotCheck:MaxNumber", "20000000")]
    [InlineData("RobotCheck:HmacKey", "too-short")]
    [InlineData("RobotCheck:ChallengeLifetime", "00:00:05")]
    [InlineData("RobotCheck:ChallengeLifetime", "2.00:00:00")]
    public async Task AddRobotCheck_WhenSettingInvalid_FailsAtStart(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(RobotCheckTestHost.NewClock());
        builder.Services.AddRobotCheck(builder.Configuration);
        var app = builder.Build();
        app.MapRobotCheck();
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
