using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Meetings;
using IessClave.Web.Infrastructure.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Room;

/// <summary>
/// One room per case (its id is the case id) and two single-use join links, one per role. Opening again reopens
/// the room for the new window and replaces the links that were not used yet.
/// </summary>
public sealed class BuiltInRooms(
    IessClaveDbContext db,
    TimeProvider time,
    IOptions<SiteOptions> site,
    AuditLog audit,
    RoomPresence presence,
    IHubContext<RoomHub, IRoomClient> hub) : IBuiltInRooms
{
    public const string EndedMessage = "La llamada terminó.";

    public async Task<Meeting> OpenAsync(Guid caseId, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken ct)
    {
        if (validUntil <= validFrom)
        {
            throw new ArgumentException("The room must be valid for some time: validUntil <= validFrom.", nameof(validUntil));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OpenOnceAsync(caseId, validFrom, validUntil, ct);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Two first openings for one case raced to insert the room: the other one won, update it instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task CloseAsync(Guid caseId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var closed = await db.MeetingRooms.Where(r => r.Id == caseId && r.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, now), ct);
        await db.RoomJoinTokens.Where(t => t.RoomId == caseId && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (closed == 1)
        {
            audit.Record(AuditActors.System, null, AuditActions.RoomClosed, caseId: caseId);
            await db.SaveChangesAsync(ct);
        }

        // Peers still connected are told at once; their next call or reconnect is refused by the hub.
        presence.RemoveRoom(caseId);
        await hub.Clients.Group(RoomHub.RoomGroup(caseId)).Ended(EndedMessage);
    }

    private async Task<Meeting> OpenOnceAsync(Guid caseId, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The update comes first: it locks the room row (PostgreSQL) or the database (SQLite) until commit, so two
        // openings of one case take turns and only the last pair of links stays valid.
        var updated = await db.MeetingRooms.Where(r => r.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ValidFrom, validFrom)
            .SetProperty(r => r.ValidUntil, validUntil)
            .SetProperty(r => r.ClosedAt, (DateTimeOffset?)null), ct);
        if (updated == 0)
        {
            // A new room has no links to revoke; it is inserted with its links and audit event in one batch below.
            db.MeetingRooms.Add(new MeetingRoom { Id = caseId, CreatedAt = now, ValidFrom = validFrom, ValidUntil = validUntil });
        }
        else
        {
            await db.RoomJoinTokens.Where(t => t.RoomId == caseId && t.UsedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        }

        var affiliate = Issue(caseId, RoomRole.Affiliate, now, validUntil);
        var agent = Issue(caseId, RoomRole.Agent, now, validUntil);
        audit.Record(AuditActors.System, null, AuditActions.RoomOpened, caseId: caseId, detail: $"valid={validFrom:O}/{validUntil:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Meeting(MeetingKind.BuiltInRoom, JoinUrl(affiliate), JoinUrl(agent), caseId.ToString());
    }

    private string Issue(Guid roomId, RoomRole role, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var (raw, hash) = LinkTokens.Create();
        db.RoomJoinTokens.Add(new RoomJoinToken
        {
            Id = Guid.NewGuid(), RoomId = roomId, Role = role, TokenHash = hash, IssuedAt = now, ExpiresAt = expiresAt,
        });
        return raw;
    }

    private string JoinUrl(string rawToken) => site.Value.Link($"{RoomFeature.JoinPath}?t={rawToken}");
}
