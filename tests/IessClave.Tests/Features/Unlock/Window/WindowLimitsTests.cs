using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Features.Unlock.Window;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Window;

/// <summary>Small limits and its own clock, so moving time does not disturb the shared app.</summary>
public sealed class StrictWindowApp : PostgresApp
{
    protected override IDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["Window:SearchesPerAgent"] = "3",
        ["Window:SearchWindow"] = "00:10:00",
        ["Window:SearchGrantLifetime"] = "00:05:00",
        ["Window:HoldTimeout"] = "00:20:00",
    };
}

[Collection(Name)]
public sealed class WindowLimitsTests(StrictWindowApp app) : IClassFixture<StrictWindowApp>
{
    public const string Name = "Strict window limits";

    [Fact]
    public async Task Searches_BeyondTheAgentsLimit_AreRefusedAndAudited_UntilThePeriodPasses()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        using var colleague = await WindowDesk.SignInAsync(app);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await desk.SearchAsync(person.Identification)).Status);
        }

        var (limited, html) = await desk.SearchAsync(person.Identification);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Contains(AgentFlows.Errors(html), e => e.StartsWith("Llegaste al límite de búsquedas", StringComparison.Ordinal));
        Assert.DoesNotContain(person.FullName, html);
        Assert.Equal(HttpStatusCode.OK, (await colleague.SearchAsync(person.Identification)).Status);
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == desk.Id.ToString() && e.Action.StartsWith("window.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(3, actions.Count(a => a == AuditActions.WindowSearched));
        Assert.Contains(AuditActions.WindowSearchLimited, actions);

        app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await desk.SearchAsync(person.Identification)).Status);
    }

    [Fact]
    public async Task EightSearchesFiredAtOnce_ByOneAgent_OnlyTheLimitGoThrough()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => desk.SearchAsync(person.Identification)));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.ActorId == desk.Id.ToString() && e.Action == AuditActions.WindowSearched)));
    }

    [Fact]
    public async Task OpeningACase_WithAnExpiredSearch_IsRefused()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        var (_, html) = await desk.SearchAsync(person.Identification);
        var grant = HtmlForms.HiddenValue(html, "grant");

        app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var expired = await desk.PostOpenAsync(html, grant);

        Assert.Equal(HttpStatusCode.OK, expired.Status);
        Assert.Contains("La búsqueda caducó. Busca de nuevo a la persona.", AgentFlows.Errors(expired.Html));
        Assert.False(await app.WithDbAsync(db => db.Cases.AnyAsync(c => c.AccountId == person.AccountId)));
    }

    [Fact]
    public async Task ACaseHeldAtAWindow_CanBeTakenOverByAnotherAgent_OnlyAfterTheHoldLapses()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var first = await WindowDesk.SignInAsync(app);
        using var second = await WindowDesk.SignInAsync(app);
        var caseId = await first.OpenAsync(person.Identification);

        var (_, busy) = await second.SearchAsync(person.Identification);
        Assert.Contains("Otro agente atiende este caso ahora.", busy);
        Assert.DoesNotContain("name=\"grant\"", busy);

        app.Time.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));
        Assert.Equal(caseId, await second.OpenAsync(person.Identification));
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetCaseAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetCaseAsync(caseId)).StatusCode);
    }
}
