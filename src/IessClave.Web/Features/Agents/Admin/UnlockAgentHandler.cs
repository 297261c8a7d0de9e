using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Agents.Admin;

/// <summary>An admin unlocks a locked agent account; both failure counters start again at zero.</summary>
public sealed class UnlockAgentHandler(IessClaveDbContext db, AuditLog audit)
{
    public async Task<bool> UnlockAsync(Guid agentId, Guid adminId, CancellationToken ct)
    {
        var rows = await db.Agents.Where(a => a.Id == agentId && a.LockedAt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.LockedAt, (DateTimeOffset?)null)
                .SetProperty(a => a.FailedPasswordCount, 0)
                .SetProperty(a => a.FailedSecondFactorCount, 0), ct);
        if (rows == 0)
        {
            return false;
        }

        audit.Record(AuditActors.Admin, adminId.ToString(), AuditActions.AgentUnlocked, detail: $"agent={agentId}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed record AgentRow(
    Guid Id, string UserName, string DisplayName, AgentRoles Roles, bool Enrolled, DateTimeOffset? LockedAt, DateTimeOffset? LastSignInAt);

public sealed class AgentListQuery(IessClaveDbContext db)
{
    public async Task<IReadOnlyList<AgentRow>> ListAsync(CancellationToken ct) =>
        await db.Agents.AsNoTracking().OrderBy(a => a.UserName)
            .Select(a => new AgentRow(a.Id, a.UserName, a.DisplayName, a.Roles, a.TotpEnrolledAt != null, a.LockedAt, a.LastSignInAt))
            .ToListAsync(ct);
}
