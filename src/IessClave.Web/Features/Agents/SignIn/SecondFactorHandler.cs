using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Agents.SignIn;

public enum SecondFactorOutcome
{
    Succeeded,
    Failed,
    Locked,
    NotEnrolled,
}

public sealed record SecondFactorResult(SecondFactorOutcome Outcome, AgentAccount? Agent = null);

/// <summary>
/// Second factor: a TOTP code from a step later than the last accepted one, or an unused recovery code. Each
/// is consumed in one conditional statement, so two requests racing with the same code cannot both succeed.
/// </summary>
public sealed class SecondFactorHandler(
    IessClaveDbContext db,
    SecretHasher hasher,
    TotpSecrets secrets,
    AgentLockout lockout,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<SecondFactorResult> VerifyAsync(Guid agentId, string? code, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null || !agent.IsEnrolled || agent.TotpSecretProtected is null)
        {
            return new SecondFactorResult(SecondFactorOutcome.NotEnrolled);
        }

        if (agent.IsLocked)
        {
            return new SecondFactorResult(SecondFactorOutcome.Locked);
        }

        if (Totp.Normalize(code) is not null)
        {
            var match = Totp.Match(secrets.UnprotectKey(agent.TotpSecretProtected), code, time.GetUtcNow(), agent.LastTotpStep);
            if (match.Accepted && await TryAdvanceStepAsync(agent.Id, match.Step!.Value, ct))
            {
                return await SucceedAsync(agent, "totp", ct);
            }

            return await FailAsync(agent, match.Step is null ? "totp-wrong" : "totp-reused", ct);
        }

        if (RecoveryCodes.Normalize(code) is { } recovery)
        {
            var unused = await db.AgentRecoveryCodes.Where(c => c.AgentId == agent.Id && c.UsedAt == null).ToListAsync(ct);
            var hit = unused.FirstOrDefault(c => hasher.Verify(c.CodeHash, recovery));
            if (hit is not null && await TryConsumeAsync(hit.Id, ct))
            {
                audit.Record(AuditActors.Agent, agent.Id.ToString(), AuditActions.AgentRecoveryCodeUsed, detail: $"remaining={unused.Count - 1}");
                return await SucceedAsync(agent, "recovery-code", ct);
            }

            return await FailAsync(agent, "recovery-code-wrong", ct);
        }

        return await FailAsync(agent, "malformed", ct);
    }

    private async Task<bool> TryAdvanceStepAsync(Guid agentId, long step, CancellationToken ct) =>
        await db.Agents.Where(a => a.Id == agentId && (a.LastTotpStep == null || a.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastTotpStep, step), ct) == 1;

    private async Task<bool> TryConsumeAsync(Guid codeId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.AgentRecoveryCodes.Where(c => c.Id == codeId && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) == 1;
    }

    private async Task<SecondFactorResult> SucceedAsync(AgentAccount agent, string factor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Agents.Where(a => a.Id == agent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSecondFactorCount, 0).SetProperty(a => a.LastSignInAt, now), ct);
        audit.Record(AuditActors.Agent, agent.Id.ToString(), AuditActions.AgentSignInSucceeded, detail: $"factor={factor}");
        await db.SaveChangesAsync(ct);
        return new SecondFactorResult(SecondFactorOutcome.Succeeded, agent);
    }

    private async Task<SecondFactorResult> FailAsync(AgentAccount agent, string cause, CancellationToken ct) =>
        new(await lockout.SecondFactorFailedAsync(agent, cause, ct) ? SecondFactorOutcome.Locked : SecondFactorOutcome.Failed);
}
