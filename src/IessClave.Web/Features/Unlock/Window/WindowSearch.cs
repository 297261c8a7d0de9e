using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Window;

public sealed record WindowSearchRequest(string? Identification, WindowSearchReason? Reason, string? Note);

public sealed record SearchError(string Field, string Message);

public enum SearchOutcome
{
    Invalid,
    Limited,
    NotFound,
    Found,
}

/// <summary>A search's answer. <see cref="Grant"/> lets this agent open the case (only when that makes sense).</summary>
public sealed record WindowSearchResult(
    SearchOutcome Outcome, IReadOnlyList<SearchError> Errors, WindowAccountView? Account = null, OpenCaseView? OpenCase = null,
    IReadOnlyList<PastCase>? Previous = null, string? Grant = null);

/// <summary>
/// The window's look-up by identification: a stated reason is required, every search is an audit event (with the
/// reason and what was looked up), and an agent's searches are limited per period, counted from the audit trail.
/// </summary>
public sealed class WindowSearch(
    IessClaveDbContext db, AccountLookup lookup, WindowCases cases, CaseHistory history, WindowGrants grants, AuditLog audit,
    IOptions<WindowOptions> options, TimeProvider time)
{
    public async Task<WindowSearchResult> SearchAsync(Guid agentId, WindowSearchRequest request, CancellationToken ct)
    {
        var errors = new List<SearchError>();
        var parsed = IdentificationParser.Parse(request.Identification);
        if (!parsed.IsValid)
        {
            errors.Add(new SearchError("Identification", parsed.Error!));
        }

        if (request.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors.Add(new SearchError("Reason", "Elige el motivo de la búsqueda."));
            reason = default;
        }

        var note = WindowTexts.CleanNote(request.Note);
        if (note.Length is < WindowTexts.NoteMinLength or > WindowTexts.NoteMaxLength)
        {
            errors.Add(new SearchError("Note", $"Describe el motivo en {WindowTexts.NoteMinLength} a {WindowTexts.NoteMaxLength} caracteres (por ejemplo, el número de turno de la agencia)."));
        }

        if (errors.Count > 0)
        {
            return new WindowSearchResult(SearchOutcome.Invalid, errors);
        }

        var actor = agentId.ToString();
        var detail = $"reason={reason}; id={parsed.Identification!.Value}; note={note}";
        var since = time.GetUtcNow() - options.Value.SearchWindow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Searches fired at once by one agent are counted one after the other: the limit cannot be overrun.
        await RowLocks.LockAgentAsync(db, agentId, ct);
        if (await db.AuditEvents.CountAsync(e => e.Action == AuditActions.WindowSearched && e.ActorId == actor && e.At > since, ct) >= options.Value.SearchesPerAgent)
        {
            audit.Record(AuditActors.Agent, actor, AuditActions.WindowSearchLimited, detail: detail);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new WindowSearchResult(SearchOutcome.Limited, [new SearchError("", "Llegaste al límite de búsquedas por ahora. Espera un momento; si lo necesitas, pide ayuda a un supervisor.")]);
        }

        var account = await lookup.ByIdentificationAsync(parsed.Identification, ct);
        var found = account switch { null => "none", { AccountId: null } => "registry-only", _ => "account" };
        audit.Record(AuditActors.Agent, actor, AuditActions.WindowSearched, account?.AccountId, $"{detail}; found={found}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (account is null)
        {
            return new WindowSearchResult(SearchOutcome.NotFound, [new SearchError("Identification", "No hay nadie con esa identificación en el registro de afiliados.")]);
        }

        if (account.AccountId is not { } accountId)
        {
            return new WindowSearchResult(SearchOutcome.Found, [], account, Previous: []);
        }

        var open = await cases.OpenCaseAsync(accountId, agentId, ct);
        var canOpen = open is null ? account.Locked : open is { HeldElsewhere: false, AwaitingApproval: false };
        return new WindowSearchResult(SearchOutcome.Found, [], account, open, await history.PreviousAsync(accountId, open?.Id, ct),
            canOpen ? grants.Issue(agentId, accountId) : null);
    }
}
