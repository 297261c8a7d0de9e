using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using Microsoft.AspNetCore.SignalR;

namespace IessClave.Web.Features.Unlock.Queue;

public sealed record AgentCheckReply(string Kind, bool Matched, int AttemptsLeft, string Message);

public sealed record AgentOutcomeReply(string Result, string[] Missing, string Message);

/// <summary>The blind checklist and the outcomes, always on the calling agent's own current case.</summary>
public sealed partial class AgentQueueHub
{
    public async Task<AgentCheckReply> Check(string kind, string value)
    {
        var parsed = ParseKind(kind);
        var result = await checks.CheckTypedAsync(AgentId, parsed, value, Context.ConnectionAborted);
        return new AgentCheckReply(parsed.ToString(), result.Matched, result.AttemptsLeft, result.Message);
    }

    public Task<bool> Confirm(string kind) => checks.ConfirmVisualAsync(AgentId, ParseKind(kind), Context.ConnectionAborted);

    public async Task<AgentOutcomeReply> Unlock() => Reply(await outcomes.UnlockAsync(AgentId, Context.ConnectionAborted));

    public async Task<AgentOutcomeReply> Reject(string reason) =>
        Reply(Enum.TryParse<RejectionReason>(reason, ignoreCase: false, out var r)
            ? await outcomes.RejectAsync(AgentId, r, Context.ConnectionAborted)
            : new OutcomeReply(OutcomeResult.InvalidInput, [], "Motivo no válido."));

    public async Task<AgentOutcomeReply> Escalate() => Reply(await outcomes.EscalateAsync(AgentId, Context.ConnectionAborted));

    public async Task<AgentOutcomeReply> RequestEmailChange(string email) =>
        Reply(await outcomes.RequestEmailChangeAsync(AgentId, email, Context.ConnectionAborted));

    /// <summary>The case panel: the current case's evidence (any channel) and the account's earlier cases.</summary>
    public Task<CaseFile?> GetCaseFile() => history.CurrentCallFileAsync(AgentId, Context.ConnectionAborted);

    private static CheckKind ParseKind(string kind) =>
        Enum.TryParse<CheckKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new HubException("Verificación no válida.");

    private static AgentOutcomeReply Reply(OutcomeReply r) => new(r.Result.ToString(), [.. r.Missing.Select(m => m.ToString())], r.Message);
}
