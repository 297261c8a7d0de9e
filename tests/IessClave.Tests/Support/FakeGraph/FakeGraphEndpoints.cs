using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IessClave.Tests.Support.FakeGraph;

/// <summary>
/// The routes of the fake: the Entra ID token endpoint and the Graph calls we use. (With instance discovery off, MSAL
/// goes straight to {authority}/oauth2/v2.0/token: no discovery document is needed.)
/// </summary>
internal static class FakeGraphEndpoints
{
    public static void Map(WebApplication app, FakeGraphServer server)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", async Task<IResult> (HttpContext ctx, string tenant) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var valid = tenant == FakeGraphServer.TenantId && form["grant_type"] == "client_credentials"
                && form["client_id"] == FakeGraphServer.ClientId && form["client_secret"] == FakeGraphServer.ClientSecret;
            if (!valid || server.RejectClientCredentials)
            {
                return Results.Json(
                    new JsonObject { ["error"] = "invalid_client", ["error_description"] = "AADSTS7000215: Invalid client secret provided.", ["error_codes"] = new JsonArray(7000215) },
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["ext_expires_in"] = 3599,
                ["access_token"] = server.AccessToken,
            });
        });

        var users = app.MapGroup("/v1.0/users/{organizer}").AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Headers.Authorization.ToString() != "Bearer " + server.AccessToken)
            {
                await ODataErrorAsync(http, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
                return Results.Empty;
            }

            if (!string.Equals(http.GetRouteValue("organizer") as string, FakeGraphServer.Organizer, StringComparison.OrdinalIgnoreCase))
            {
                await ODataErrorAsync(http, 404, "ResourceNotFound", "User not found.");
                return Results.Empty;
            }

            return await next(ctx);
        });

        users.MapPost("/onlineMeetings/createOrGet", async Task<IResult> (HttpContext ctx) =>
        {
            var (meeting, created) = server.Store.CreateOrGetMeeting(await BodyAsync(ctx));
            return Results.Json(meeting, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
        users.MapMethods("/onlineMeetings/{id}", ["PATCH"], async Task<IResult> (HttpContext ctx, string id) =>
            server.Store.PatchMeeting(id, await BodyAsync(ctx)) is { } patched ? Results.Json(patched) : await NotFoundAsync(ctx));
        users.MapPost("/events", async Task<IResult> (HttpContext ctx) =>
            Results.Json(server.Store.CreateEvent(await BodyAsync(ctx)), statusCode: StatusCodes.Status201Created));
        users.MapPost("/events/{id}/cancel", async Task<IResult> (HttpContext ctx, string id) =>
        {
            var body = await BodyAsync(ctx); // Graph's metadata says "Comment", its samples "comment"
            var comment = (body["Comment"] ?? body["comment"])?.GetValue<string>();
            return server.Store.CancelEvent(id, comment) ? Results.StatusCode(StatusCodes.Status202Accepted) : await NotFoundAsync(ctx);
        });
    }

    public static async Task ODataErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString(), ["date"] = DateTimeOffset.UtcNow.ToString("s") },
            },
        };
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static async Task<IResult> NotFoundAsync(HttpContext ctx)
    {
        await ODataErrorAsync(ctx, 404, "ResourceNotFound", "Not found.");
        return Results.Empty;
    }

    private static async Task<JsonObject> BodyAsync(HttpContext ctx) =>
        (await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted))?.AsObject() ?? [];
}
