using System.Net;
using System.Net.Http.Json;
using IessClave.Tests.Support;

namespace IessClave.Tests.Features.Recovery;

public sealed class StrictSelfServiceRateLimitApp : PostgresApp
{
    protected override IDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["RateLimits:IdentityFormsPerIpPerMinute"] = "3",
    };
}

/// <summary>Per-IP limits of the self-service forms and APIs (per-identification limits are in the feature tests).</summary>
public sealed class SelfServiceRateLimitTests(StrictSelfServiceRateLimitApp app) : IClassFixture<StrictSelfServiceRateLimitApp>
{
    // One test: the budget is per IP and every request of the test server comes from the same address.
    [Fact]
    public async Task SelfServiceForms_FromOneIp_ShareTheIdentityFormsBudget_ThenGet429()
    {
        using var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await client.PostAsJsonAsync("/api/v1/recovery", new { identification = TestIdentities.NewCedula() })).StatusCode);
        }

        var recovery = await client.PostAsJsonAsync("/api/v1/recovery", new { identification = TestIdentities.NewCedula() });
        var virtualUnlock = await client.PostAsJsonAsync("/api/v1/unlock/virtual", new { identification = TestIdentities.NewCedula() });
        var link = await client.PostAsJsonAsync("/api/v1/recovery/link", new { token = "x", clave = "y", claveConfirmation = "y" });
        var page = await client.PostAsync("/clave/recuperar", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var virtualPage = await client.PostAsync("/desbloquear/virtual", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 3), codes);
        Assert.Equal(HttpStatusCode.TooManyRequests, recovery.StatusCode);
        Assert.Equal("application/problem+json", recovery.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(recovery.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, virtualUnlock.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, link.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, virtualPage.StatusCode);
        Assert.Contains("Demasiados intentos", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/clave/recuperar")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/desbloquear/virtual")).StatusCode);
    }
}
