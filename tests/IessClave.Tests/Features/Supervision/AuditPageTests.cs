using System.Net;
using System.Text.RegularExpressions;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Supervision;

/// <summary>/supervision/auditoria: supervisors read the trail by agent, case and day, a page at a time; reading is audited.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class AuditPageTests(SharedPostgresApp app)
{
    [Fact]
    public async Task ByAgent_ShowsOnlyThatAgentsEvents_WithTheirName_AndTheLookIsAudited()
    {
        var (agentId, _) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Agent);
        var (supervisorId, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);
        var agentName = await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agentId).Select(a => a.DisplayName + " (" + a.UserName + ")").SingleAsync());

        var (status, html) = await StaffPages.GetAsync(app, $"/supervision/auditoria?agente={agentId}", supervisor);

        Assert.Equal(HttpStatusCode.OK, status);
        var actors = Column(html, 1);
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.Equal(WebUtility.HtmlEncode(agentName), a));
        Assert.Contains("Inició sesión", html, StringComparison.Ordinal);
        var viewed = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.AuditViewed && e.ActorId == supervisorId.ToString()).ToListAsync());
        Assert.Contains(viewed, e => e.Detail!.Contains($"agent={agentId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByCase_PagesNewestFirst_FiftyAtATime_WithoutGapsOrRepeats()
    {
        var (_, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);
        var caseId = Guid.NewGuid();
        var ids = await AddEventsAsync(caseId, 60, app.Time.GetUtcNow());

        var (_, first) = await StaffPages.GetAsync(app, $"/supervision/auditoria?caso={caseId}", supervisor);
        var next = NextLink().Match(first).Groups["href"].Value;
        var (_, second) = await StaffPages.GetAsync(app, WebUtility.HtmlDecode(next), supervisor);

        var shown = RowIds(first).Concat(RowIds(second)).ToList();
        Assert.Equal(50, RowIds(first).Count);
        Assert.Equal(ids.OrderDescending(), shown);
        Assert.Contains($"caso={caseId}", next, StringComparison.Ordinal);
        Assert.DoesNotMatch(NextLink(), second);
    }

    [Fact]
    public async Task ByDay_UsesEcuadorCalendarDays()
    {
        var (_, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);
        var caseId = Guid.NewGuid();
        // 04:30 UTC on the 27th is 23:30 on the 26th in Ecuador (UTC−5). Only the room area: looking at a case is
        // itself an event of that case (audit.viewed), stamped with the shared clock's day.
        var lateEvening = await AddEventsAsync(caseId, 1, new DateTimeOffset(2026, 11, 27, 4, 30, 0, TimeSpan.Zero));
        var nextMorning = await AddEventsAsync(caseId, 1, new DateTimeOffset(2026, 11, 27, 5, 30, 0, TimeSpan.Zero));

        var (status26, on26) = await StaffPages.GetAsync(app, $"/supervision/auditoria?caso={caseId}&area=room&desde=2026-11-26&hasta=2026-11-26", supervisor);
        var (status27, from27) = await StaffPages.GetAsync(app, $"/supervision/auditoria?caso={caseId}&area=room&desde=2026-11-27", supervisor);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status26, status27));
        Assert.Equal(lateEvening, RowIds(on26));
        Assert.Equal(nextMorning, RowIds(from27));
    }

    [Theory]
    [InlineData("caso=no-es-un-caso", "El número de caso no es válido")]
    [InlineData("desde=2026-13-01", "La fecha «desde» no es válida")]
    [InlineData("hasta=<script>", "La fecha «hasta» no es válida")]
    [InlineData("desde=2026-11-27&hasta=2026-11-01", "posterior a la fecha «hasta»")]
    [InlineData("area=nada", "El área elegida no existe")]
    [InlineData("agente=123", "El agente elegido no existe")]
    [InlineData("antes=-5", "La página pedida no es válida")]
    public async Task BadFilters_GetASpanishError_NotAServerError(string query, string error)
    {
        var (_, supervisor) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);

        var (status, html) = await StaffPages.GetAsync(app, "/supervision/auditoria?" + query, supervisor);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-audit-id", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsForSupervisorsOnly()
    {
        var (_, agent) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Agent);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await StaffPages.GetAsync(app, "/supervision/auditoria", agent)).Status);
        using var response = await anonymous.GetAsync("/supervision/auditoria");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/agentes/ingresar", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<List<long>> AddEventsAsync(Guid caseId, int count, DateTimeOffset at)
    {
        var events = Enumerable.Range(0, count)
            .Select(i => new AuditEvent { At = at, ActorType = AuditActors.System, Action = AuditActions.RoomOpened, CaseId = caseId, Detail = $"n={i}" })
            .ToList();
        await app.WithDbAsync(db => { db.AuditEvents.AddRange(events); return db.SaveChangesAsync(); });
        return events.Select(e => e.Id).ToList();
    }

    private static List<long> RowIds(string html) => RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).ToList();

    private static List<string> Column(string html, int index) =>
        Row().Matches(html).Select(m => Cell().Matches(m.Value)[index].Groups[1].Value.Trim()).ToList();

    [GeneratedRegex("data-audit-id=\"(\\d+)\"")]
    private static partial Regex RowId();

    [GeneratedRegex("<tr data-audit-id=[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<a href=\"(?<href>/supervision/auditoria\\?[^\"]*antes=\\d+[^\"]*)\">Eventos más antiguos</a>")]
    private static partial Regex NextLink();
}
