using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Room;

public enum JoinStatus
{
    Valid,
    Missing,
    Invalid,
    NotYetOpen,
    Expired,
    Used,
    Revoked,
    Closed,

    /// <summary>An agent's link opened by nobody signed in as an agent.</summary>
    AgentSignInRequired,

    /// <summary>An agent's link opened by an agent who does not hold the room's case.</summary>
    NotTheCasesAgent,
}

/// <summary>What a join link leads to: its state now, and for a good link the room and the role it opens.</summary>
public sealed record JoinView(JoinStatus Status, Guid? RoomId = null, RoomRole? Role = null, DateTimeOffset? OpensAt = null)
{
    public bool Succeeded => Status == JoinStatus.Valid;
}

/// <summary>
/// Join links: looking at one changes nothing; joining spends it in one conditional UPDATE, so of two
/// concurrent uses exactly one wins. A link only ever leads to the room it was issued for. An agent's link
/// also needs the agent who holds the room's case to be signed in: a leaked link (browser history, a shared
/// screen) lets nobody else sit in on the call as the IESS.
/// </summary>
public sealed class RoomJoinHandler(IessClaveDbContext db, TimeProvider time, AuditLog audit)
{
    /// <param name="agentId">The signed-in staff member with the agent role, if any.</param>
    public async Task<JoinView> ViewAsync(string? raw, Guid? agentId, CancellationToken ct)
    {
        var view = await LinkStateAsync(raw, ct);
        return view is { Status: JoinStatus.Valid, Role: RoomRole.Agent, RoomId: { } roomId }
            ? view with { Status = await AgentMayJoinAsync(roomId, agentId, ct) }
            : view;
    }

    /// <summary>
    /// A case's room (its id is the case's) is for the agent holding that case. A room without a case (a booked
    /// slot's, before anyone takes the call) is for any signed-in agent.
    /// </summary>
    private async Task<JoinStatus> AgentMayJoinAsync(Guid roomId, Guid? agentId, CancellationToken ct)
    {
        if (agentId is null)
        {
            return JoinStatus.AgentSignInRequired;
        }

        var unlockCase = await db.Cases.Where(c => c.Id == roomId).Select(c => new { c.AgentId }).SingleOrDefaultAsync(ct);
        return unlockCase is null || unlockCase.AgentId == agentId ? JoinStatus.Valid : JoinStatus.NotTheCasesAgent;
    }

    private async Task<JoinView> LinkStateAsync(string? raw, CancellationToken ct)
    {
        if (raw is null)
        {
            return new JoinView(JoinStatus.Missing);
        }

        var hash = LinkTokens.TryHash(raw);
        if (hash is null)
        {
            return new JoinView(JoinStatus.Invalid);
        }

        var found = await db.RoomJoinTokens.Where(t => t.TokenHash == hash)
            .Join(db.MeetingRooms, t => t.RoomId, r => r.Id, (t, r) => new { Token = t, Room = r })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return new JoinView(JoinStatus.Invalid);
        }

        var (token, room, now) = (found.Token, found.Room, time.GetUtcNow());
        var status = room.ClosedAt is not null ? JoinStatus.Closed
            : token.UsedAt is not null ? JoinStatus.Used
            : token.RevokedAt is not null ? JoinStatus.Revoked
            : now >= token.ExpiresAt ? JoinStatus.Expired
            : now < room.ValidFrom ? JoinStatus.NotYetOpen
            : JoinStatus.Valid;
        return new JoinView(status, room.Id, token.Role, room.ValidFrom);
    }

    /// <summary>Spends the link (once) and returns the room and role it opens; otherwise why it cannot be used.</summary>
    public async Task<JoinView> JoinAsync(string? raw, Guid? agentId, CancellationToken ct)
    {
        var view = await ViewAsync(raw, agentId, ct);
        if (!view.Succeeded)
        {
            return view;
        }

        var hash = LinkTokens.TryHash(raw)!;
        var now = time.GetUtcNow();
        var rows = await db.RoomJoinTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now
                && db.MeetingRooms.Any(r => r.Id == t.RoomId && r.ClosedAt == null && r.ValidFrom <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (rows != 1)
        {
            // Someone else spent it, or the room closed, between the look and the update: say what it is now.
            var after = await ViewAsync(raw, agentId, ct);
            return after.Succeeded ? after with { Status = JoinStatus.Used } : after;
        }

        var (actor, actorId) = view.Role == RoomRole.Agent ? (AuditActors.Agent, agentId.ToString()) : (AuditActors.Affiliate, null);
        audit.Record(actor, actorId, AuditActions.RoomJoined, caseId: view.RoomId, detail: $"role={view.Role}");
        await db.SaveChangesAsync(ct);
        return view;
    }
}
