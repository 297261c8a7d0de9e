using System.Net;
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

    [Fact]
    public async Task IdentityForms_FourthPostFromOneIpWithinAMinute_IsRejectedWithProblemAndRetryAfter()
    {
        using var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await Flows.SignInAsync(client, TestIdentities.NewCedula(), "cualquier-clave");
            codes.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(last.Headers.RetryAfter);
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

    [Fact]
    public async Task SignInPage_WhenLimited_ShowsASpanishPage()
    {
        using var client = app.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>()));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("Demasiados intentos", await last.Content.ReadAsStringAsync());
    }
}
