using System.Net;
using System.Text.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IessClave.Tests.Infrastructure.Health;

/// <summary>An app of its own: these tests leave unsent mail behind on purpose.</summary>
public sealed class HealthApp : PostgresApp;

[Collection(Name)]
public sealed class HealthTests(HealthApp app) : IClassFixture<HealthApp>
{
    public const string Name = "Health";

    [Fact]
    public async Task Live_AnswersWithoutTouchingAnything()
    {
        using var response = await app.CreateClient().GetAsync(HealthFeature.LivePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_OnARunningApp_NamesEachCheck_AllHealthy()
    {
        // The job server's first heartbeat and the queue's first tick come just after start.
        await Eventually.TrueAsync(async () => (await ReadyAsync()).Body.RootElement.GetProperty("status").GetString() == "Healthy", "the app became ready");
        var (status, body) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal(["database", "jobs", "mail", "queue"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Ready_WithAMailUnsentPastTheLimit_IsDegraded_AndNamesNoAddress()
    {
        var mail = new OutgoingMail
        {
            Id = Guid.NewGuid(), MessageId = $"<{Guid.NewGuid():N}@iessclave.test>", TemplateName = "Activation", Culture = "es",
            ToAddress = "atascado.secreto@correo.test", CreatedAt = app.Time.GetUtcNow(), Attempts = 1, LastError = "SMTP 451",
        };
        await app.WithDbAsync(db => { db.OutgoingMails.Add(mail); return db.SaveChangesAsync(); });
        var (_, fresh) = await ReadyAsync();

        app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var late = await app.CreateClient().GetAsync(HealthFeature.ReadyPath);
        var lateBody = await late.Content.ReadAsStringAsync();
        await app.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, app.Time.GetUtcNow())));
        var (_, sent) = await ReadyAsync();

        Assert.Equal("Healthy", MailStatus(fresh));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode); // degraded, not down: the orchestrator must not kill it
        using var lateJson = JsonDocument.Parse(lateBody);
        Assert.Equal("Degraded", lateJson.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", MailStatus(lateJson));
        Assert.Contains("1 mail(s) unsent for over 10 minutes", lateBody, StringComparison.Ordinal);
        Assert.DoesNotContain("atascado", lateBody, StringComparison.Ordinal);
        Assert.Equal("no-store", late.Headers.CacheControl?.ToString());
        Assert.Equal("Healthy", MailStatus(sent));
    }

    [Fact]
    public async Task DatabaseCheck_WhenTheDatabaseDoesNotAnswer_IsUnhealthy_WithoutItsAddress()
    {
        var options = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Username=nadie;Password=x;Timeout=2").Options;
        await using var db = new PostgresDbContext(options);

        var result = await new DatabaseHealthCheck(db).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("127.0.0.1", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("nadie", result.Description, StringComparison.Ordinal);
    }

    private static string? MailStatus(JsonDocument body) => body.RootElement.GetProperty("checks").GetProperty("mail").GetProperty("status").GetString();

    private async Task<(HttpStatusCode Status, JsonDocument Body)> ReadyAsync()
    {
        using var response = await app.CreateClient().GetAsync(HealthFeature.ReadyPath);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
