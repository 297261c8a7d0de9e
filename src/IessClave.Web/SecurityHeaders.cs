namespace IessClave.Web;

public static class SecurityHeaders
{
    // Nothing inline: the vendored ALTCHA build uses external styles and a same-origin worker.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "worker-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var headers = ctx.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Only the video room may ask for the camera and the microphone, and only for this origin.
        headers["Permissions-Policy"] = IsRoomPage(ctx.Request.Path)
            ? "camera=(self), microphone=(self), geolocation=()"
            : "camera=(), microphone=(), geolocation=()";
        await next();
    });

    private static bool IsRoomPage(PathString path) =>
        string.Equals(path.Value?.TrimEnd('/'), Features.Unlock.Room.RoomFeature.RoomPath, StringComparison.OrdinalIgnoreCase);
}
