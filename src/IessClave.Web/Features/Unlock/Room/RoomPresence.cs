using System.Collections.Concurrent;
using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Room;

/// <summary>
/// Who is in each room on this node: at most one connection per role, so at most two peers. A newer connection
/// of the same role (a reload, a reconnect, a second tab) replaces the older one, which is told and then ignored.
/// </summary>
public sealed class RoomPresence
{
    private readonly ConcurrentDictionary<(Guid Room, RoomRole Role), string> peers = new();

    /// <summary>Makes <paramref name="connectionId"/> the room's peer for the role; returns the connection it replaced.</summary>
    public string? Register(Guid room, RoomRole role, string connectionId)
    {
        string? replaced = null;
        peers.AddOrUpdate((room, role), connectionId, (_, old) =>
        {
            replaced = old == connectionId ? null : old;
            return connectionId;
        });
        return replaced;
    }

    public bool IsCurrent(Guid room, RoomRole role, string connectionId) =>
        peers.TryGetValue((room, role), out var current) && current == connectionId;

    public string? Other(Guid room, RoomRole role) =>
        peers.TryGetValue((room, OtherRole(role)), out var other) ? other : null;

    /// <summary>Forgets the connection if it still is the role's peer; true when it was.</summary>
    public bool Remove(Guid room, RoomRole role, string connectionId) =>
        peers.TryRemove(new KeyValuePair<(Guid, RoomRole), string>((room, role), connectionId));

    public void RemoveRoom(Guid room)
    {
        peers.TryRemove((room, RoomRole.Affiliate), out _);
        peers.TryRemove((room, RoomRole.Agent), out _);
    }

    public static RoomRole OtherRole(RoomRole role) => role == RoomRole.Agent ? RoomRole.Affiliate : RoomRole.Agent;
}
