using System.Globalization;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Supervision.Audit;

/// <summary>/supervision/auditoria: the audit trail for supervisors, filtered and paged; each look is itself audited.</summary>
[Authorize(Policy = AgentAuth.SupervisorPolicy)]
public sealed class AuditoriaModel(AuditQuery query, IessClaveDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agente")] public string? Agent { get; set; }
    [BindProperty(SupportsGet = true, Name = "area")] public string? Area { get; set; }
    [BindProperty(SupportsGet = true, Name = "caso")] public string? Case { get; set; }
    [BindProperty(SupportsGet = true, Name = "desde")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "hasta")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "antes")] public string? Before { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Agents { get; private set; } = [];
    public AuditPage Events { get; private set; } = new([], null);
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agents = (await db.Agents.AsNoTracking().OrderBy(a => a.DisplayName).Select(a => new { a.Id, a.DisplayName, a.UserName }).ToListAsync(ct))
            .Select(a => (a.Id, $"{a.DisplayName} ({a.UserName})")).ToList();
        if (Parse() is not { } filter)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Events = await query.PageAsync(filter, ct);
        audit.Record(AuditActors.Agent, AgentAuth.AgentId(User)?.ToString(), AuditActions.AuditViewed,
            caseId: filter.CaseId, detail: $"agent={filter.AgentId}; area={filter.Area}; from={filter.From:yyyy-MM-dd}; to={filter.To:yyyy-MM-dd}; before={filter.Before}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The same filter with the next page's cursor, as a query string.</summary>
    public string NextPageQuery(long before) => QueryString.Create(new Dictionary<string, string?>
    {
        ["agente"] = Agent, ["area"] = Area, ["caso"] = Case, ["desde"] = From, ["hasta"] = To, ["antes"] = before.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    private AuditFilter? Parse()
    {
        Guid? agent = null, caseId = null;
        DateOnly? from = null, to = null;
        long? before = null;
        if (!string.IsNullOrEmpty(Agent))
        {
            agent = Guid.TryParse(Agent, out var a) ? a : Error<Guid?>("El agente elegido no existe.");
        }

        if (!string.IsNullOrEmpty(Area) && !AuditLabels.Areas.ContainsKey(Area))
        {
            Errors.Add("El área elegida no existe.");
        }

        if (!string.IsNullOrWhiteSpace(Case))
        {
            caseId = Guid.TryParse(Case.Trim(), out var c) ? c : Error<Guid?>("El número de caso no es válido: cópialo completo (32 caracteres con guiones).");
        }

        from = Day(From, "La fecha «desde» no es válida.");
        to = Day(To, "La fecha «hasta» no es válida.");
        if (from > to)
        {
            Errors.Add("La fecha «desde» es posterior a la fecha «hasta».");
        }

        if (!string.IsNullOrEmpty(Before))
        {
            before = long.TryParse(Before, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : Error<long?>("La página pedida no es válida.");
        }

        return Errors.Count == 0 ? new AuditFilter(agent, string.IsNullOrEmpty(Area) ? null : Area, caseId, from, to, before) : null;
    }

    private DateOnly? Day(string? value, string error) =>
        string.IsNullOrEmpty(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : Error<DateOnly?>(error);

    private T? Error<T>(string message)
    {
        Errors.Add(message);
        return default;
    }
}
