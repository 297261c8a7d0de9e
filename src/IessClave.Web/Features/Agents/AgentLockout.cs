using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

/// <summary>
/// Counts consecutive wrong passwords and wrong second-factor codes, each in one statement so parallel attempts
/// are never lost, and locks the account at the limit (once: the first concurrent caller records it).
/// </summary>
public sealed class AgentLockout(IessClaveDbContext db, AuditLog audit, TimeProvider time, IOptions<AgentOptions> options)
{
    /// <summary>Returns true when the account is locked now.</summary>
    public async Task<bool> PasswordFailedAsync(AgentAccount agent, CancellationToken ct)
    {
        await db.Agents.Where(a => a.Id == agent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedPasswordCount, a => a.FailedPasswordCount + 1), ct);
        var failures = await db.Agents.Where(a => a.Id == agent.Id).Select(a => a.FailedPasswordCount).SingleAsync(ct);
        audit.Record(AuditActors.Agent, agent.Id.ToString(), AuditActions.AgentSignInFailed, detail: $"cause=password; consecutive={failures}");
        return await LockAtLimitAsync(agent.Id, failures, "password", ct);
    }

    /// <summary>A wrong TOTP or recovery code (<paramref name="cause"/> says which). Returns true when the account is locked now.</summary>
    public async Task<bool> SecondFactorFailedAsync(AgentAccount agent, string cause, CancellationToken ct)
    {
        await db.Agents.Where(a => a.Id == agent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSecondFactorCount, a => a.FailedSecondFactorCount + 1), ct);
        var failures = await db.Agents.Where(a => a.Id == agent.Id).Select(a => a.FailedSecondFactorCount).SingleAsync(ct);
        audit.Record(AuditActors.Agent, agent.Id.ToString(), AuditActions.AgentTotpFailed, detail: $"cause={cause}; consecutive={failures}");
        return await LockAtLimitAsync(agent.Id, failures, "second-factor", ct);
    }

    private async Task<bool> LockAtLimitAsync(Guid agentId, int failures, string cause, CancellationToken ct)
    {
        if (failures < options.Value.MaxFailedAttempts)
        {
            await db.SaveChangesAsync(ct);
            return false;
        }

        var now = time.GetUtcNow();
        var rows = await db.Agents.Where(a => a.Id == agentId && a.LockedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedAt, now), ct);
        if (rows == 1)
        {
            audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.AgentLocked, detail: $"cause={cause}; consecutive={failures}");
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
