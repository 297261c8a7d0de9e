using System.Text.Json;
using IessClave.Tests.Support;

namespace IessClave.Tests.Features.Unlock.Virtual;

[Collection(PostgresCollection.Name)]
public sealed class SelfServiceOpenApiTests(SharedPostgresApp app)
{
    [Theory]
    [InlineData("/api/v1/unlock/virtual", "202 400 403 429")]
    [InlineData("/api/v1/unlock/virtual/link/inspect", "200 404 410")]
    [InlineData("/api/v1/unlock/virtual/link", "204 400 404 410 429")]
    [InlineData("/api/v1/recovery", "202 400 429")]
    [InlineData("/api/v1/recovery/link/inspect", "200 404 410")]
    [InlineData("/api/v1/recovery/link", "204 400 404 410 429")]
    public async Task OpenApiDocument_DescribesTheSelfServiceEndpointsAndTheirAnswers(string path, string statuses)
    {
        using var client = app.CreateClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty(path, out var operations), path);
        Assert.True(operations.TryGetProperty("post", out var post), $"post {path}");
        Assert.True(post.TryGetProperty("requestBody", out _), $"post {path} documents its body");
        var documented = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order();
        Assert.Equal(statuses.Split(' '), documented);
    }
}
