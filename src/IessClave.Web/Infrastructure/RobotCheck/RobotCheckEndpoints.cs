using Microsoft.AspNetCore.Http.HttpResults;

namespace IessClave.Web.Infrastructure.RobotCheck;

public static class RobotCheckEndpoints
{
    public const string ChallengePath = "/api/v1/robot-check/challenge";

    /// <summary>Maps <c>GET /api/v1/robot-check/challenge</c>, fetched by the ALTCHA widget.</summary>
    public static IEndpointRouteBuilder MapRobotCheck(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/robot-check").WithTags("RobotCheck");
        group.MapGet("/challenge", GetChallenge).WithName("GetRobotCheckChallenge").RequireRateLimiting(RateLimits.Challenges);
        return app;
    }

    internal static Results<Ok<AltchaChallenge>, NotFound> GetChallenge(AltchaService robotCheck, HttpResponse response)
    {
        // Every fetch must get a fresh, single-use challenge: no browser or proxy caching.
        response.Headers.CacheControl = "no-store";
        return robotCheck.IsEnabled ? TypedResults.Ok(robotCheck.CreateChallenge()) : TypedResults.NotFound();
    }
}
