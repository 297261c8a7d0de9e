using IessClave.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Unlock.Room;

/// <summary>
/// /sala/unirse?t=…: the join link. GET only shows where it leads (so mail scanners that follow links do not
/// spend it); the "Entrar a la sala" button posts from this page, spends the link and sets the room cookie. Being
/// a same-site request, the redirect to /sala then carries that SameSite=Strict cookie even when the link was
/// opened from a webmail.
/// </summary>
public sealed class UnirseModel(RoomJoinHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }

    public JoinView View { get; private set; } = new(JoinStatus.Missing);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await handler.ViewAsync(Token, ct);
        // The person already came in with this link (in this browser): take them back to the room.
        if (View.Status == JoinStatus.Used && RoomAuth.Peer((await HttpContext.AuthenticateAsync(RoomAuth.Scheme)).Principal) is { } peer
            && peer.RoomId == View.RoomId && peer.Role == View.Role)
        {
            return LocalRedirect(RoomFeature.RoomPath);
        }

        return Shown();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await handler.JoinAsync(Token, ct);
        if (View is { Succeeded: true, RoomId: { } roomId, Role: { } role })
        {
            await HttpContext.SignInAsync(RoomAuth.Scheme, RoomAuth.Principal(roomId, role));
            return LocalRedirect(RoomFeature.RoomPath);
        }

        return Shown();
    }

    private PageResult Shown()
    {
        Response.Headers.CacheControl = "no-store"; // the page carries the link
        Response.StatusCode = View.Status switch
        {
            JoinStatus.Valid or JoinStatus.NotYetOpen => StatusCodes.Status200OK,
            JoinStatus.Missing or JoinStatus.Invalid => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status410Gone,
        };
        return Page();
    }

    public string OtherPerson => View.Role == RoomRole.Agent ? "la persona afiliada" : "el agente del IESS";
}
