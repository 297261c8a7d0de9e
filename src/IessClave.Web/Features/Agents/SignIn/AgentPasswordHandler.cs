using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Agents.SignIn;

public enum PasswordStepOutcome
{
    Failed,
    Locked,
    NeedsCode,
    NeedsEnrolment,
}

public sealed record PasswordStepResult(PasswordStepOutcome Outcome, Guid? AgentId = null);

/// <summary>
/// First factor: user name + password. A locked account is refused before any hash is computed; an unknown user
/// name costs one decoy hash and looks locked after as many failures, so the answers never tell whether it exists.
/// </summary>
public sealed class AgentPasswordHandler(
    IessClaveDbContext db,
    SecretHasher hasher,
    UnknownAgentFailures unknownFailures,
    AgentLockout lockout,
    AuditLog audit)
{
    public async Task<PasswordStepResult> HandleAsync(string? userName, string? password, CancellationToken ct)
    {
        var name = AgentUserName.Normalize(userName);
        if (name is null || string.IsNullOrEmpty(password) || password.Length > AgentPasswordPolicy.MaxLength)
        {
            return new PasswordStepResult(PasswordStepOutcome.Failed);
        }

        var agent = await db.Agents.SingleOrDefaultAsync(a => a.UserName == name, ct);
        if (agent is null)
        {
            if (unknownFailures.LooksLocked(name))
            {
                return new PasswordStepResult(PasswordStepOutcome.Locked);
            }

            hasher.VerifyDecoy(password);
            audit.Record(AuditActors.Agent, null, AuditActions.AgentSignInFailed, detail: "cause=unknown-user");
            await db.SaveChangesAsync(ct);
            return new PasswordStepResult(unknownFailures.RecordFailure(name) ? PasswordStepOutcome.Locked : PasswordStepOutcome.Failed);
        }

        if (agent.IsLocked)
        {
            audit.Record(AuditActors.Agent, agent.Id.ToString(), AuditActions.AgentSignInFailed, detail: "cause=locked");
            await db.SaveChangesAsync(ct);
            return new PasswordStepResult(PasswordStepOutcome.Locked, agent.Id);
        }

        if (!hasher.Verify(agent.PasswordHash, password))
        {
            var locked = await lockout.PasswordFailedAsync(agent, ct);
            return new PasswordStepResult(locked ? PasswordStepOutcome.Locked : PasswordStepOutcome.Failed, agent.Id);
        }

        await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedPasswordCount, 0), ct);
        audit.Record(AuditActors.Agent, agent.Id.ToString(), AuditActions.AgentPasswordOk);
        await db.SaveChangesAsync(ct);
        return new PasswordStepResult(agent.IsEnrolled ? PasswordStepOutcome.NeedsCode : PasswordStepOutcome.NeedsEnrolment, agent.Id);
    }
}
