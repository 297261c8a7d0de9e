using System.Text.Json;
using System.Text.Json.Serialization;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Room;

/// <summary>/sala: the call (room.js + room-controls.js), for whoever holds the room cookie; the room comes from its claims.</summary>
[Authorize(Policy = RoomAuth.Policy)]
public sealed class SalaModel(IessClaveDbContext db, IOptions<RoomOptions> options) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public RoomRole Role { get; private set; }
    public bool Ended { get; private set; }

    /// <summary>RTCConfiguration.iceServers, for a data attribute (the page has no inline script).</summary>
    public string IceServersJson => JsonSerializer.Serialize(
        options.Value.IceServers.Select(s => new { urls = s.Urls, username = s.Username, credential = s.Credential }), Json);

    public string OtherLabel => Role == RoomRole.Agent ? "Persona afiliada" : "Agente del IESS";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (roomId, role) = RoomAuth.Peer(User)!.Value;
        Role = role;
        Ended = !await db.MeetingRooms.AnyAsync(r => r.Id == roomId && r.ClosedAt == null, ct);
        if (Ended)
        {
            await HttpContext.SignOutAsync(RoomAuth.Scheme);
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }
}
