using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Supervision.Audit;

/// <summary>What a supervisor filters the audit trail by; every part optional. Days are Ecuador calendar days.</summary>
public sealed record AuditFilter(Guid? AgentId, string? Area, Guid? CaseId, DateOnly? From, DateOnly? To, long? Before);

public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, Guid? CaseId, string? Detail);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? NextBefore);

/// <summary>
/// The append-only audit trail, newest first, a page at a time. Paging is by id (keyset), so page 200 of a
/// trail of millions costs what page 1 does, and new events arriving meanwhile never shift a page.
/// </summary>
public sealed class AuditQuery(IessClaveDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> PageAsync(AuditFilter filter, CancellationToken ct)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (filter.AgentId is { } agent)
        {
            var actorId = agent.ToString();
            events = events.Where(e => e.ActorId == actorId && (e.ActorType == AuditActors.Agent || e.ActorType == AuditActors.Admin));
        }

        if (filter.Area is { } area && AuditLabels.Areas.ContainsKey(area))
        {
            var prefix = area + ".";
            events = events.Where(e => e.Action.StartsWith(prefix));
        }

        if (filter.CaseId is { } caseId)
        {
            events = events.Where(e => e.CaseId == caseId);
        }

        if (filter.From is { } from)
        {
            var start = StartOf(from);
            events = events.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            events = events.Where(e => e.At < end);
        }

        if (filter.Before is { } before)
        {
            events = events.Where(e => e.Id < before);
        }

        var page = await events.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        var names = await AgentNamesAsync(page, ct);
        var rows = page.Take(PageSize).Select(e => new AuditRow(e.Id, e.At, ActorOf(e, names), e.Action, e.CaseId, e.Detail)).ToList();
        return new AuditPage(rows, page.Count > PageSize ? rows[^1].Id : null);
    }

    // In UTC: Npgsql writes only offset-0 values to timestamptz.
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), EcuadorTime.Zone.BaseUtcOffset).ToUniversalTime();

    private async Task<Dictionary<string, string>> AgentNamesAsync(IReadOnlyList<AuditEvent> page, CancellationToken ct)
    {
        var ids = page.Where(e => e.ActorType is AuditActors.Agent or AuditActors.Admin)
            .Select(e => Guid.TryParse(e.ActorId, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id.ToString(), a => $"{a.DisplayName} ({a.UserName})", ct);
    }

    private static string ActorOf(AuditEvent e, Dictionary<string, string> names) => e.ActorType switch
    {
        AuditActors.Agent or AuditActors.Admin when e.ActorId is not null && names.TryGetValue(e.ActorId, out var name) => name,
        AuditActors.Agent => "Agente",
        AuditActors.Admin => "Administración",
        AuditActors.Affiliate => "Persona afiliada",
        AuditActors.System => "Sistema",
        _ => e.ActorType,
    };
}
