using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Window;

/// <summary>
/// One line of the window checklist. <see cref="PassedBy"/> is set when the check already passed in this case,
/// on any channel: it is shown as done (who, when, where) and not asked again.
/// </summary>
public sealed record ChecklistItem(CheckKind Kind, string Label, bool Typed, bool Required, EvidenceItem? PassedBy, int AttemptsLeft)
{
    public bool Exhausted => PassedBy is null && Typed && AttemptsLeft == 0;
}

public sealed record WindowCaseView(
    Guid CaseId, string Opened, WindowAccountView Account, IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<CheckKind> Missing,
    CaseFile File, IReadOnlyList<RejectionReason> Reasons, bool HasDocumentSerial);

/// <summary>Builds the window's case page: masked data, the checklist with what already passed, evidence and history.</summary>
public sealed class WindowCaseQuery(IessClaveDbContext db, AccountLookup lookup, CaseHistory history, CaseOutcomes outcomes, IOptions<VerificationOptions> options)
{
    public async Task<WindowCaseView> BuildAsync(UnlockCase held, CancellationToken ct)
    {
        var account = await lookup.ByAccountAsync(held.AccountId, ct);
        var hasSerial = await db.Accounts.Where(a => a.Id == held.AccountId).Select(a => a.Affiliate.DocumentSerial != null).SingleAsync(ct);
        var file = await history.FileAsync(held, ct);
        var required = options.Value.RequiredFor(CaseChannel.Window);
        var max = options.Value.MaxAttemptsPerCheck;
        var checklist = ChannelRules.TypedChecks.Concat(ChannelRules.VisualChecks)
            .Where(k => ChannelRules.Applies(k, CaseChannel.Window) && (k != CheckKind.DocumentSerial || hasSerial))
            .Select(k => new ChecklistItem(
                k,
                Label(k, account.SecurityQuestion),
                ChannelRules.TypedChecks.Contains(k),
                required.Contains(k),
                file.Evidence.FirstOrDefault(e => e.Kind == k.ToString() && e.Passed),
                Math.Max(0, max - file.Evidence.Count(e => e.Kind == k.ToString() && !e.Passed))))
            .ToList();
        return new WindowCaseView(
            held.Id, EcuadorTime.Format(held.OpenedAt), account, checklist, await outcomes.MissingChecksAsync(held, ct), file,
            ChannelRules.ReasonsFor(CaseChannel.Window), hasSerial);
    }

    private static string Label(CheckKind kind, string? question) => kind switch
    {
        CheckKind.BirthDate => "Fecha de nacimiento (dd/mm/aaaa)",
        CheckKind.SecurityAnswer => "Respuesta a: " + (question ?? "la pregunta de seguridad"),
        CheckKind.DocumentSerial => "Número de serie del documento",
        _ => VerificationTexts.Of(kind),
    };
}
