using System.Security.Claims;
using IessClave.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IessClave.Web.Features.Unlock.Room;

/// <summary>
/// Using a join link gives a cookie of its own naming the room and the role (affiliate or agent). The room page
/// and the signalling hub trust only these claims: no room id sent by a browser is ever used.
/// </summary>
public static class RoomAuth
{
    public const string Scheme = "RoomPeer";
    public const string Policy = "RoomPeer";
    public const string CookieName = "iessclave.sala";
    public const string RoomClaim = "room_id";
    public const string RoleClaim = "room_role";

    public static AuthenticationBuilder AddRoomCookie(this AuthenticationBuilder auth) =>
        auth.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = false;
            o.Events.OnRedirectToLogin = ctx => Refuse(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Refuse(ctx, StatusCodes.Status403Forbidden);
        });

    public static ClaimsPrincipal Principal(Guid roomId, RoomRole role) =>
        new(new ClaimsIdentity([new Claim(RoomClaim, roomId.ToString()), new Claim(RoleClaim, role.ToString())], Scheme));

    public static (Guid RoomId, RoomRole Role)? Peer(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(RoomClaim), out var room)
        && Enum.TryParse<RoomRole>(user?.FindFirstValue(RoleClaim), ignoreCase: false, out var role) && Enum.IsDefined(role)
            ? (room, role)
            : null;

    // The hub answers with a status code; a person without the cookie lands on the join page, which explains.
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(RoomFeature.JoinPath);
        }

        return Task.CompletedTask;
    }
}
