using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IessClave.Web.Infrastructure.Health;

/// <summary>
/// Probes for the operator and the orchestrator: <c>/healthz/live</c> (the process serves requests; no checks)
/// and <c>/healthz/ready</c> (database, job servers, mail backlog, live-queue ticks). Unhealthy answers 503;
/// Degraded still answers 200, with the reason in the body. Open to anonymous callers, so the body names only the
/// checks, their status and a short reason: no exception text, hosts or personal data.
/// </summary>
public static class HealthFeature
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    private const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<HealthOptions>().Bind(config.GetSection(HealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<JobServersHealthCheck>("jobs", tags: [ReadyTag])
            .AddCheck<MailBacklogHealthCheck>("mail", tags: [ReadyTag])
            .AddCheck<QueueFramesHealthCheck>("queue", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        }).DisableRateLimiting();
        return app;
    }

    // A check that threw carries the exception's message as its description (it may name hosts): its type only.
    private static string? Reason(HealthReportEntry entry) =>
        entry.Exception is { } ex ? $"The check failed ({ex.GetType().Name})." : entry.Description;

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), reason = Reason(e.Value), ms = Math.Round(e.Value.Duration.TotalMilliseconds) }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
