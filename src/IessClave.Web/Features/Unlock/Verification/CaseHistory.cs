using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>One piece of a case's evidence as staff see it: what, result, where, when and by whom (user name).</summary>
public sealed record EvidenceItem(string Kind, string Check, bool Passed, string Result, string Channel, string When, string Agent);

/// <summary>An earlier case of the account, as staff see it.</summary>
public sealed record PastCase(string Opened, string? Closed, string Channels, string Outcome, string? Reason, string? Agent);

/// <summary>An unlock case as the affiliate sees it on "Mi cuenta": no agents, no reason codes.</summary>
public sealed record AffiliateCase(string Date, string Channels, string Outcome);

/// <summary>The staff's case panel: the current case's evidence and the account's earlier cases.</summary>
public sealed record CaseFile(IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<PastCase> Previous);

/// <summary>
/// The case history across channels: an account's cases (the path of channels each went through, from where its
/// checks were made) and a case's evidence. Read-only.
/// </summary>
public sealed class CaseHistory(IessClaveDbContext db, CaseService cases)
{
    public const int MaxCases = 20;

    /// <summary>The file of the caller the agent is serving now on a call, or null.</summary>
    public async Task<CaseFile?> CurrentCallFileAsync(Guid agentId, CancellationToken ct) =>
        await cases.CurrentForAgentAsync(agentId, ct) is { } current ? await FileAsync(current, ct) : null;

    public async Task<CaseFile> FileAsync(UnlockCase current, CancellationToken ct) =>
        new(await EvidenceAsync(current.Id, ct), await PreviousAsync(current.AccountId, current.Id, ct));

    public async Task<IReadOnlyList<EvidenceItem>> EvidenceAsync(Guid caseId, CancellationToken ct)
    {
        var checks = await db.CaseChecks.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        var names = await UserNamesAsync(checks.Select(c => c.AgentId), ct);
        return checks.Select(c => new EvidenceItem(
            c.Kind.ToString(), VerificationTexts.Of(c.Kind), c.Passed, CaseTexts.Check(c.Passed), CaseTexts.Channel(c.Channel),
            EcuadorTime.Format(c.At), c.AgentId is { } agent ? names.GetValueOrDefault(agent, "—") : CaseTexts.ByTheAffiliate)).ToList();
    }

    /// <summary>The account's cases, newest first, except <paramref name="exceptCaseId"/> (the one being worked on).</summary>
    public async Task<IReadOnlyList<PastCase>> PreviousAsync(Guid accountId, Guid? exceptCaseId, CancellationToken ct)
    {
        var (cases, paths) = await CasesAsync(accountId, exceptCaseId, ct);
        var names = await UserNamesAsync(cases.Select(c => c.ApprovedBy ?? c.AgentId), ct);
        return cases.Select(c => new PastCase(
            EcuadorTime.Format(c.OpenedAt), c.ClosedAt is { } closed ? EcuadorTime.Format(closed) : null, CaseTexts.Channels(paths[c.Id]),
            CaseTexts.ForStaff(c.Status), CaseTexts.Reason(c.ReasonCode),
            (c.ApprovedBy ?? c.AgentId) is { } agent ? names.GetValueOrDefault(agent) : null)).ToList();
    }

    public async Task<IReadOnlyList<AffiliateCase>> ForAffiliateAsync(Guid accountId, CancellationToken ct)
    {
        var (cases, paths) = await CasesAsync(accountId, null, ct);
        return cases.Select(c => new AffiliateCase(EcuadorTime.Format(c.OpenedAt), CaseTexts.Channels(paths[c.Id]), CaseTexts.ForAffiliate(c.Status))).ToList();
    }

    private async Task<(List<UnlockCase> Cases, Dictionary<Guid, List<CaseChannel>> Paths)> CasesAsync(Guid accountId, Guid? exceptCaseId, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.AccountId == accountId && c.Id != exceptCaseId)
            .OrderByDescending(c => c.OpenedAt).Take(MaxCases).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var steps = await db.CaseChecks.AsNoTracking().Where(k => ids.Contains(k.CaseId))
            .OrderBy(k => k.At).ThenBy(k => k.Id).Select(k => new { k.CaseId, k.Channel }).ToListAsync(ct);
        var paths = cases.ToDictionary(c => c.Id, c =>
        {
            var path = new List<CaseChannel>();
            foreach (var channel in steps.Where(s => s.CaseId == c.Id).Select(s => s.Channel).Append(c.Channel))
            {
                if (path.Count == 0 || path[^1] != channel)
                {
                    path.Add(channel);
                }
            }

            return path;
        });
        return (cases, paths);
    }

    private async Task<Dictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid?> agentIds, CancellationToken ct)
    {
        var ids = agentIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.UserName, ct);
    }
}
