using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using IessClave.Web.Features.Unlock.Verification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Unlock.Window;

/// <summary>
/// /agentes/ventanilla/caso/{id}: the case the agent holds at the window — blind checklist against the physical
/// document, outcome. Every handler first proves the hold; any other case id answers 404.
/// </summary>
[Authorize(Policy = AgentAuth.AgentPolicy)]
public sealed class WindowCaseModel(WindowCases cases, WindowCaseQuery query, CaseChecks checks, CaseOutcomes outcomes) : PageModel
{
    [TempData] public string? LastKind { get; set; }
    [TempData] public string? LastMessage { get; set; }
    [TempData] public string? LastMatched { get; set; }
    [TempData] public string? Problem { get; set; }

    public WindowCaseView? View { get; private set; }

    private Guid AgentId => AgentAuth.AgentId(User) ?? throw new InvalidOperationException("The agent policy lets only agents in.");

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        if (await cases.HeldAsync(AgentId, caseId, ct) is not { } held)
        {
            return NotFound();
        }

        View = await query.BuildAsync(held, ct);
        return Page();
    }

    public Task<IActionResult> OnPostCheckAsync(Guid caseId, string? kind, string? value, CancellationToken ct) => OnHeldAsync(caseId, async held =>
    {
        if (!Enum.TryParse<CheckKind>(kind, ignoreCase: false, out var parsed) || !ChannelRules.TypedChecks.Contains(parsed))
        {
            Problem = "Verificación no válida.";
            return Back(caseId);
        }

        var result = await checks.CheckTypedAsync(held, AgentId, parsed, value, ct);
        if (ChannelRules.Applies(parsed, held.Channel))
        {
            (LastKind, LastMessage, LastMatched) = (parsed.ToString(), result.Message, result.Matched ? "yes" : "no");
        }
        else
        {
            Problem = result.Message; // a check with no row on this page (the one-time code)
        }

        return Back(caseId);
    }, ct);

    public Task<IActionResult> OnPostVisualAsync(Guid caseId, string[]? kinds, CancellationToken ct) => OnHeldAsync(caseId, async held =>
    {
        var confirmed = (kinds ?? []).Select(k => Enum.TryParse<CheckKind>(k, ignoreCase: false, out var parsed) ? parsed : (CheckKind?)null)
            .Where(k => k is { } v && ChannelRules.VisualChecks.Contains(v)).Select(k => k!.Value).Distinct().ToList();
        if (confirmed.Count == 0)
        {
            Problem = "Marca al menos una verificación visual antes de registrarla.";
            return Back(caseId);
        }

        foreach (var kind in confirmed)
        {
            await checks.ConfirmVisualAsync(held, AgentId, kind, ct);
        }

        return Back(caseId);
    }, ct);

    public Task<IActionResult> OnPostUnlockAsync(Guid caseId, CancellationToken ct) =>
        OnHeldAsync(caseId, async held => Outcome(caseId, await outcomes.UnlockAsync(held, AgentId, ct)), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid caseId, string? reason, CancellationToken ct) => OnHeldAsync(caseId, async held =>
        Outcome(caseId, Enum.TryParse<RejectionReason>(reason, ignoreCase: false, out var parsed)
            ? await outcomes.RejectAsync(held, AgentId, parsed, ct)
            : new OutcomeReply(OutcomeResult.InvalidInput, [], "Elige un motivo de rechazo.")), ct);

    public Task<IActionResult> OnPostEmailAsync(Guid caseId, string? email, CancellationToken ct) =>
        OnHeldAsync(caseId, async held => Outcome(caseId, await outcomes.RequestEmailChangeAsync(held, AgentId, email, ct)), ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid caseId, CancellationToken ct) => OnHeldAsync(caseId, async held =>
    {
        await cases.ReleaseAsync(held, AgentId, ct);
        TempData["Notice"] = "Liberaste el caso. Lo ya verificado queda registrado para cuando la persona vuelva.";
        return Redirect(WindowFeature.Path);
    }, ct);

    private async Task<IActionResult> OnHeldAsync(Guid caseId, Func<UnlockCase, Task<IActionResult>> act, CancellationToken ct) =>
        await cases.HeldAsync(AgentId, caseId, ct) is { } held ? await act(held) : NotFound();

    private IActionResult Outcome(Guid caseId, OutcomeReply reply)
    {
        if (reply.Result is OutcomeResult.Done or OutcomeResult.AwaitingApproval)
        {
            TempData["Notice"] = reply.Message;
            return Redirect(WindowFeature.Path);
        }

        Problem = reply.Message;
        return Back(caseId);
    }

    private RedirectResult Back(Guid caseId) => Redirect(WindowFeature.CasePath(caseId));
}
