using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
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
        View = await handler.ViewAsync(Token, await SignedInAgentAsync(), ct);
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
        View = await handler.JoinAsync(Token, await SignedInAgentAsync(), ct);
        if (View is { Succeeded: true, RoomId: { } roomId, Role: { } role })
        {
            await HttpContext.SignInAsync(RoomAuth.Scheme, RoomAuth.Principal(roomId, role));
            return LocalRedirect(RoomFeature.RoomPath);
        }

        return Shown();
    }

    /// <summary>The staff member signed in on this browser, when they have the agent role (the console's cookie).</summary>
    private async Task<Guid?> SignedInAgentAsync()
    {
        var staff = (await HttpContext.AuthenticateAsync(AgentAuth.Scheme)).Principal;
        return staff is not null && AgentAuth.RolesOf(staff).HasFlag(AgentRoles.Agent) ? AgentAuth.AgentId(staff) : null;
    }

    /// <summary>The agents' sign-in, coming back to this link afterwards.</summary>
    public string AgentSignInPath => $"{AgentAuth.LoginPath}?ReturnUrl={Uri.EscapeDataString(RoomFeature.JoinPath + "?t=" + Token)}";

    private PageResult Shown()
    {
        Response.Headers.CacheControl = "no-store"; // the page carries the link
        Response.StatusCode = View.Status switch
        {
            JoinStatus.Valid or JoinStatus.NotYetOpen => StatusCodes.Status200OK,
            JoinStatus.Missing or JoinStatus.Invalid => StatusCodes.Status404NotFound,
            JoinStatus.AgentSignInRequired or JoinStatus.NotTheCasesAgent => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status410Gone,
        };
        return Page();
    }

    public string OtherPerson => View.Role == RoomRole.Agent ? "la persona afiliada" : "el agente del IESS";
}
