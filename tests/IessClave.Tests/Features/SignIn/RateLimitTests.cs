using System.Net;
using System.Net.Http.Json;
using IessClave.Tests.Support;

namespace IessClave.Tests.Features.SignIn;

public sealed class StrictRateLimitApp : PostgresApp
{
    protected override IDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["RateLimits:IdentityFormsPerIpPerMinute"] = "3",
        ["RateLimits:ChallengesPerIpPerMinute"] = "5",
    };
}

[Collection(Name)]
public sealed class RateLimitTests(StrictRateLimitApp app) : IClassFixture<StrictRateLimitApp>
{
    public const string Name = "Strict rate limits";

    // One test per limiter policy: the budget is per IP, and every request of the test server comes from the same
    // address, so tests sharing a policy would depend on their order.
    [Fact]
    public async Task IdentityForms_FromOneIp_ShareOneBudgetAcrossApiPagesAndQueue()
    {
        using var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await Flows.SignInAsync(client, TestIdentities.NewCedula(), "cualquier-clave")).StatusCode);
        }

        var apiLimited = await Flows.SignInAsync(client, TestIdentities.NewCedula(), "cualquier-clave");
        var joinLimited = await client.PostAsJsonAsync("/api/v1/queue/tickets", new { identification = TestIdentities.NewCedula(), birthDate = "1970-01-01", robotProof = "x" });
        var pageLimited = await client.PostAsync("/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], codes);
        Assert.Equal(HttpStatusCode.TooManyRequests, apiLimited.StatusCode);
        Assert.Equal("application/problem+json", apiLimited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(apiLimited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, joinLimited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, pageLimited.StatusCode);
        Assert.Contains("Demasiados intentos", await pageLimited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ingresar")).StatusCode);
    }

    [Fact]
    public async Task RobotChallenges_SixthFromOneIpWithinAMinute_IsRejected()
    {
        using var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await client.GetAsync("/api/v1/robot-check/challenge")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), codes);
    }

}
