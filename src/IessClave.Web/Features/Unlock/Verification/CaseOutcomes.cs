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

/// <summary>
/// What the agent decides at the end of a call or a window visit: verified → unlock, rejected with a reason, a
/// corrected email for a supervisor to approve, or (on a call) escalated to the window. The overloads taking an
/// agent id act on the agent's current call and end it; those taking a case act on a case the caller proved the
/// agent holds.
/// </summary>
public sealed class CaseOutcomes(
    IessClaveDbContext db,
    CaseService cases,
    AccountUnlocker unlocker,
    AgentQueueService queue,
    AuditLog audit,
    IOptions<VerificationOptions> options,
    TimeProvider time)
{
    public Task<OutcomeReply> UnlockAsync(Guid agentId, CancellationToken ct) => OnCallAsync(agentId, c => UnlockAsync(c, agentId, ct), ct);

    public async Task<OutcomeReply> UnlockAsync(UnlockCase current, Guid agentId, CancellationToken ct)
    {
        if (await MissingChecksAsync(current, ct) is { Count: > 0 } missing)
        {
            return new OutcomeReply(OutcomeResult.ChecksMissing, missing, "Faltan verificaciones: " + string.Join(", ", missing.Select(VerificationTexts.Of)) + ".");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await unlocker.UnlockAsync(current, agentId, AuditActors.Agent, newEmail: null, ct);
        await tx.CommitAsync(ct);
        unlocker.Dispatch(pending);
        return Done("Clave desbloqueada. El afiliado recibirá un enlace para crear una nueva clave.");
    }

    public Task<OutcomeReply> RejectAsync(Guid agentId, RejectionReason reason, CancellationToken ct) =>
        Enum.IsDefined(reason) ? OnCallAsync(agentId, c => RejectAsync(c, agentId, reason, ct), ct) : Task.FromResult(InvalidReason());

    public async Task<OutcomeReply> RejectAsync(UnlockCase current, Guid agentId, RejectionReason reason, CancellationToken ct)
    {
        if (!ChannelRules.Applies(reason, current.Channel))
        {
            return InvalidReason();
        }

        current.Status = CaseStatus.Rejected;
        current.ReasonCode = reason.ToString();
        current.ClosedAt = time.GetUtcNow();
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseRejected, current.AccountId, $"{reason}; channel={current.Channel}", current.Id);
        await db.SaveChangesAsync(ct);
        return Done("Caso rechazado. La clave sigue bloqueada.");
    }

    /// <summary>The case (and what was already verified) waits for the in-person window; the call ends.</summary>
    public Task<OutcomeReply> EscalateAsync(Guid agentId, CancellationToken ct) => OnCallAsync(agentId, async current =>
    {
        current.Channel = CaseChannel.Window;
        current.ReasonCode = "escalated-to-window";
        (current.TicketId, current.AgentId, current.HeldAt) = (null, null, null);
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseEscalated, current.AccountId, caseId: current.Id);
        await db.SaveChangesAsync(ct);
        return Done("Caso derivado a atención presencial; lo ya verificado queda registrado.");
    }, ct);

    /// <summary>After a verified identity: a corrected contact email, applied only when a supervisor approves.</summary>
    public Task<OutcomeReply> RequestEmailChangeAsync(Guid agentId, string? newEmail, CancellationToken ct) =>
        ContactData.NormalizeEmail(newEmail) is null
            ? Task.FromResult(InvalidEmail())
            : OnCallAsync(agentId, c => RequestEmailChangeAsync(c, agentId, newEmail, ct), ct);

    public async Task<OutcomeReply> RequestEmailChangeAsync(UnlockCase current, Guid agentId, string? newEmail, CancellationToken ct)
    {
        if (ContactData.NormalizeEmail(newEmail) is not { } email)
        {
            return InvalidEmail();
        }

        if (await MissingChecksAsync(current, ct) is { Count: > 0 } missing)
        {
            return new OutcomeReply(OutcomeResult.ChecksMissing, missing, "Primero verifica la identidad: faltan " + string.Join(", ", missing.Select(VerificationTexts.Of)) + ".");
        }

        current.Status = CaseStatus.AwaitingApproval;
        current.PendingEmail = email;
        current.ApprovalRequestedBy = agentId;
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseEmailChangeRequested, current.AccountId, $"channel={current.Channel}", current.Id);
        await db.SaveChangesAsync(ct);
        return new OutcomeReply(OutcomeResult.AwaitingApproval, [], "Cambio de correo enviado a un supervisor. El enlace irá al nuevo correo cuando lo apruebe.");
    }

    /// <summary>The checks the case's current channel requires that have not passed yet, on any channel.</summary>
    public async Task<IReadOnlyList<CheckKind>> MissingChecksAsync(UnlockCase current, CancellationToken ct)
    {
        var evidence = await cases.EvidenceAsync(current.Id, ct);
        var hasSerial = await db.Accounts.Where(a => a.Id == current.AccountId).Select(a => a.Affiliate.DocumentSerial != null).SingleAsync(ct);
        return options.Value.RequiredFor(current.Channel)
            .Where(k => k != CheckKind.DocumentSerial || hasSerial)
            .Where(k => !evidence.GetValueOrDefault(k))
            .ToList();
    }

    private async Task<OutcomeReply> OnCallAsync(Guid agentId, Func<UnlockCase, Task<OutcomeReply>> decide, CancellationToken ct)
    {
        if (await cases.CurrentForAgentAsync(agentId, ct) is not { } current)
        {
            return new OutcomeReply(OutcomeResult.NoCase, [], "No tienes un caso activo.");
        }

        var reply = await decide(current);
        if (reply.Result is OutcomeResult.Done or OutcomeResult.AwaitingApproval)
        {
            await queue.FinishAsync(agentId, ct);
        }

        return reply;
    }

    private static OutcomeReply InvalidReason() => new(OutcomeResult.InvalidInput, [], "Motivo no válido.");

    private static OutcomeReply InvalidEmail() => new(OutcomeResult.InvalidInput, [], RegistrationErrors.EmailInvalid);

    private static OutcomeReply Done(string message) => new(OutcomeResult.Done, [], message);
}
