using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Verification;

public enum OutcomeResult
{
    Done,
    NoCase,
    ChecksMissing,
    AwaitingApproval,
    InvalidInput,
}

public sealed record OutcomeReply(OutcomeResult Result, IReadOnlyList<CheckKind> Missing, string Message);

/// <summary>What the agent decides at the end of a call: verified → unlock, rejected with a reason, escalated to the window.</summary>
public sealed class CaseOutcomes(
    IessClaveDbContext db,
    CaseService cases,
    AccountUnlocker unlocker,
    AgentQueueService queue,
    AuditLog audit,
    IOptions<VerificationOptions> options,
    TimeProvider time)
{
    public async Task<OutcomeReply> UnlockAsync(Guid agentId, CancellationToken ct)
    {
        if (await cases.CurrentForAgentAsync(agentId, ct) is not { } current)
        {
            return NoCase();
        }

        if (await MissingChecksAsync(current, ct) is { Count: > 0 } missing)
        {
            return new OutcomeReply(OutcomeResult.ChecksMissing, missing, "Faltan verificaciones: " + string.Join(", ", missing.Select(VerificationTexts.Of)) + ".");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await unlocker.UnlockAsync(current, agentId, AuditActors.Agent, newEmail: null, ct);
        await tx.CommitAsync(ct);
        unlocker.Dispatch(pending);
        await queue.FinishAsync(agentId, ct);
        return Done("Clave desbloqueada. El afiliado recibirá un enlace para crear una nueva clave.");
    }

    public async Task<OutcomeReply> RejectAsync(Guid agentId, RejectionReason reason, CancellationToken ct)
    {
        if (!Enum.IsDefined(reason))
        {
            return new OutcomeReply(OutcomeResult.InvalidInput, [], "Motivo no válido.");
        }

        if (await cases.CurrentForAgentAsync(agentId, ct) is not { } current)
        {
            return NoCase();
        }

        current.Status = CaseStatus.Rejected;
        current.ReasonCode = reason.ToString();
        current.ClosedAt = time.GetUtcNow();
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseRejected, current.AccountId, reason.ToString(), current.Id);
        await db.SaveChangesAsync(ct);
        await queue.FinishAsync(agentId, ct);
        return Done("Caso rechazado. La clave sigue bloqueada.");
    }

    /// <summary>The case (and what was already verified) waits for the in-person window; the call ends.</summary>
    public async Task<OutcomeReply> EscalateAsync(Guid agentId, CancellationToken ct)
    {
        if (await cases.CurrentForAgentAsync(agentId, ct) is not { } current)
        {
            return NoCase();
        }

        current.Channel = CaseChannel.Window;
        current.ReasonCode = "escalated-to-window";
        (current.TicketId, current.AgentId) = (null, null);
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseEscalated, current.AccountId, caseId: current.Id);
        await db.SaveChangesAsync(ct);
        await queue.FinishAsync(agentId, ct);
        return Done("Caso derivado a atención presencial; lo ya verificado queda registrado.");
    }

    /// <summary>After a verified identity: a corrected contact email, applied only when a supervisor approves.</summary>
    public async Task<OutcomeReply> RequestEmailChangeAsync(Guid agentId, string? newEmail, CancellationToken ct)
    {
        if (ContactData.NormalizeEmail(newEmail) is not { } email)
        {
            return new OutcomeReply(OutcomeResult.InvalidInput, [], RegistrationErrors.EmailInvalid);
        }

        if (await cases.CurrentForAgentAsync(agentId, ct) is not { } current)
        {
            return NoCase();
        }

        if (await MissingChecksAsync(current, ct) is { Count: > 0 } missing)
        {
            return new OutcomeReply(OutcomeResult.ChecksMissing, missing, "Primero verifica la identidad: faltan " + string.Join(", ", missing.Select(VerificationTexts.Of)) + ".");
        }

        current.Status = CaseStatus.AwaitingApproval;
        current.PendingEmail = email;
        current.ApprovalRequestedBy = agentId;
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseEmailChangeRequested, current.AccountId, caseId: current.Id);
        await db.SaveChangesAsync(ct);
        await queue.FinishAsync(agentId, ct);
        return new OutcomeReply(OutcomeResult.AwaitingApproval, [], "Cambio de correo enviado a un supervisor. El enlace irá al nuevo correo cuando lo apruebe.");
    }

    public async Task<IReadOnlyList<CheckKind>> MissingChecksAsync(UnlockCase current, CancellationToken ct)
    {
        var evidence = await cases.EvidenceAsync(current.Id, ct);
        var hasSerial = await db.Accounts.Where(a => a.Id == current.AccountId).Select(a => a.Affiliate.DocumentSerial != null).SingleAsync(ct);
        return options.Value.RequiredChecks
            .Where(k => k != CheckKind.DocumentSerial || hasSerial)
            .Where(k => !evidence.GetValueOrDefault(k))
            .ToList();
    }

    private static OutcomeReply NoCase() => new(OutcomeResult.NoCase, [], "No tienes un caso activo.");

    private static OutcomeReply Done(string message) => new(OutcomeResult.Done, [], message);
}
