using System.Text.Json;
using IessClave.Tests.Support;

namespace IessClave.Tests;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiTests(SharedPostgresApp app)
{
    [Theory]
    [InlineData("/api/v1/registrations", "post")]
    [InlineData("/api/v1/registrations/options", "get")]
    [InlineData("/api/v1/activations", "post")]
    [InlineData("/api/v1/activations/inspect", "post")]
    [InlineData("/api/v1/activations/resend", "post")]
    [InlineData("/api/v1/sessions", "post")]
    [InlineData("/api/v1/sessions", "delete")]
    [InlineData("/api/v1/me", "get")]
    [InlineData("/api/v1/me/cases", "get")]
    [InlineData("/api/v1/robot-check/challenge", "get")]
    [InlineData("/api/v1/queue/tickets", "post")]
    [InlineData("/api/v1/queue/tickets/current", "get")]
    [InlineData("/api/v1/bookings/agencies", "get")]
    [InlineData("/api/v1/bookings/slots", "get")]
    [InlineData("/api/v1/bookings", "post")]
    [InlineData("/api/v1/bookings/cancel", "post")]
    public async Task OpenApiDocument_DescribesEveryEndpoint(string path, string method)
    {
        using var client = app.CreateClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty(path, out var operations), path);
        Assert.True(operations.TryGetProperty(method, out _), $"{method} {path}");
    }
}
