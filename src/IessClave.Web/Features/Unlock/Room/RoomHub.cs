using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Room;

public interface IRoomClient
{
    /// <summary>Both peers are in the room (again): start a fresh WebRTC session; the agent makes the offer.</summary>
    Task PeerReady();

    Task PeerLeft();

    Task Offer(string sdp);

    Task Answer(string sdp);

    Task IceCandidate(string json);

    /// <summary>The same person opened the room on another tab or device; this connection no longer counts.</summary>
    Task Replaced();

    Task Ended(string message);
}

public sealed record RoomJoined(string Role, bool PeerPresent);

/// <summary>
/// WebRTC signalling for the built-in room. The room and the role come only from the room cookie's claims;
/// whatever a peer sends is checked and relayed to the other role of the same room, never to anyone else.
/// </summary>
[Authorize(Policy = RoomAuth.Policy)]
public sealed class RoomHub(RoomPresence presence, IessClaveDbContext db) : Hub<IRoomClient>
{
    public static string RoomGroup(Guid roomId) => "room:" + roomId;

    private (Guid RoomId, RoomRole Role) Peer => RoomAuth.Peer(Context.User) ?? throw new HubException("Sin acceso a la sala.");

    /// <summary>Enters the room; when the other person is there too, both are told to start the call.</summary>
    public async Task<RoomJoined> Ready()
    {
        var (roomId, role) = Peer;
        if (!await db.MeetingRooms.AnyAsync(r => r.Id == roomId && r.ClosedAt == null, Context.ConnectionAborted))
        {
            throw new HubException(BuiltInRooms.EndedMessage);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(roomId));
        if (presence.Register(roomId, role, Context.ConnectionId) is { } replaced)
        {
            await Groups.RemoveFromGroupAsync(replaced, RoomGroup(roomId));
            await Clients.Client(replaced).Replaced();
        }

        var other = presence.Other(roomId, role);
        if (other is not null)
        {
            await Clients.Clients(other, Context.ConnectionId).PeerReady();
        }

        return new RoomJoined(role.ToString(), other is not null);
    }

    public async Task Offer(string sdp)
    {
        var valid = RoomSignals.Sdp(sdp);
        if (OtherPeer() is { } other)
        {
            await Clients.Client(other).Offer(valid);
        }
    }

    public async Task Answer(string sdp)
    {
        var valid = RoomSignals.Sdp(sdp);
        if (OtherPeer() is { } other)
        {
            await Clients.Client(other).Answer(valid);
        }
    }

    public async Task IceCandidate(string json)
    {
        var valid = RoomSignals.Candidate(json);
        if (OtherPeer() is { } other)
        {
            await Clients.Client(other).IceCandidate(valid);
        }
    }

    public Task Leave() => DepartAsync();

    public override Task OnDisconnectedAsync(Exception? exception) =>
        RoomAuth.Peer(Context.User) is null ? Task.CompletedTask : DepartAsync();

    private async Task DepartAsync()
    {
        var (roomId, role) = Peer;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroup(roomId));
        if (presence.Remove(roomId, role, Context.ConnectionId) && presence.Other(roomId, role) is { } other)
        {
            await Clients.Client(other).PeerLeft();
        }
    }

    /// <summary>The other role's connection; only the caller's current connection may signal (not a replaced one).</summary>
    private string? OtherPeer()
    {
        var (roomId, role) = Peer;
        if (!presence.IsCurrent(roomId, role, Context.ConnectionId))
        {
            throw new HubException("Primero entra a la sala.");
        }

        return presence.Other(roomId, role);
    }
}
