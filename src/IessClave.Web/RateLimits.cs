using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace IessClave.Web;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts of identity forms (registration, sign-in, resend) per client IP per minute.</summary>
    [Range(1, 100_000)]
    public int IdentityFormsPerIpPerMinute { get; set; } = 30;

    /// <summary>Robot-check challenges per client IP per minute (each costs the server an HMAC and cache entry).</summary>
    [Range(1, 100_000)]
    public int ChallengesPerIpPerMinute { get; set; } = 60;
}

/// <summary>Per-IP limits on the forms an attacker would hammer; per-identification limits live in the handlers.</summary>
public static class RateLimits
{
    public const string IdentityForms = "identity-forms";
    public const string Challenges = "robot-challenges";

    public static IServiceCollection AddIessClaveRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var limits = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(IdentityForms, ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : PerIp(ctx, limits.IdentityFormsPerIpPerMinute));
            o.AddPolicy(Challenges, ctx => PerIp(ctx, limits.ChallengesPerIpPerMinute));
            o.OnRejected = async (ctx, ct) =>
            {
                var isApi = ctx.HttpContext.Request.Path.StartsWithSegments("/api");
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                if (isApi)
                {
                    await Problems.TooManyRequests().ExecuteAsync(ctx.HttpContext);
                }
                else
                {
                    ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.HttpContext.Response.WriteAsync(RateLimitPage, ct);
                }
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext ctx, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private const string RateLimitPage = """
        <!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Demasiados intentos - IESS Clave</title></head><body><main><h1>Demasiados intentos</h1>
        <p>Por tu seguridad, espera un minuto e inténtalo de nuevo.</p><p><a href="/">Volver al inicio</a></p></main></body></html>
        """;
}
