using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Verification;

/// <summary>One case across channels, as the affiliate ("Mi cuenta") and the agent's case panel show it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseHistoryTests(SharedPostgresApp app)
{
    [Fact]
    public async Task MiCuenta_ListsTheAffiliatesCases_WithChannelsAndOutcome_ButNoAgentsOrReasons()
    {
        using var http = app.CreateClient();
        var (who, clave) = await Flows.ActiveAffiliateAsync(app, http);
        var accountId = await app.WithDbAsync(db => db.Accounts.Where(a => a.Affiliate.Identification == who.Identification).Select(a => a.Id).SingleAsync());
        var agent = await AgentFlows.CreateAsync(app, AgentRoles.Agent);
        var start = app.Time.GetUtcNow();
        await AddCaseAsync(accountId, agent.Id, start.AddDays(-9), CaseStatus.Rejected, CaseChannel.VideoQueue, "ImpersonationSuspected", CaseChannel.VideoQueue);
        await AddCaseAsync(accountId, agent.Id, start.AddDays(-2), CaseStatus.Unlocked, CaseChannel.Window, null, CaseChannel.VideoQueue, CaseChannel.Window);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Flows.SignInAsync(http, who.Identification, clave)).StatusCode);

        var page = await http.GetStringAsync("/mi-cuenta");

        var rows = System.Text.RegularExpressions.Regex.Matches(page, "<tr><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>").Select(m => (m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal(
            [("Videollamada, luego Ventanilla", "Clave desbloqueada"), ("Videollamada", "No se pudo verificar la identidad; la clave siguió bloqueada")],
            rows);
        Assert.Contains(EcuadorTime.Format(start.AddDays(-2)), page);
        var api = await http.GetStringAsync("/api/v1/me/cases");
        using var json = System.Text.Json.JsonDocument.Parse(api);
        Assert.Equal(
            rows,
            json.RootElement.EnumerateArray().Select(c => (c.GetProperty("channels").GetString()!, c.GetProperty("outcome").GetString()!)).ToList());
        foreach (var hidden in new[] { agent.UserName, agent.DisplayName, "ImpersonationSuspected", "suplantación" })
        {
            Assert.DoesNotContain(hidden, page);
            Assert.DoesNotContain(hidden, api);
        }

        using var anonymous = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/cases")).StatusCode);
    }

    [Fact]
    public async Task AgentCasePanel_ShowsTheEvidenceAndThePreviousCases()
    {
        await QueueTestSupport.DrainAsync(app);
        var person = await WindowTestData.NewLockedAsync(app);
        var earlier = await AgentFlows.CreateAsync(app, AgentRoles.Agent);
        await AddCaseAsync(person.AccountId, earlier.Id, app.Time.GetUtcNow().AddDays(-5), CaseStatus.Rejected, CaseChannel.Window, "DocumentNotValid", CaseChannel.Window);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, person.Locked);
        await using var agent = await AgentConsoleClient.ConnectAsync(app);
        await agent.TakeNextAsync();
        await agent.CheckAsync(CheckKind.BirthDate, "02/02/1980");
        await agent.CheckAsync(CheckKind.BirthDate, "23/08/1979");

        var file = await agent.Hub.InvokeAsync<CaseFile?>("GetCaseFile");

        var userName = await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent.Id).Select(a => a.UserName).SingleAsync());
        Assert.NotNull(file);
        Assert.Equal(
            [("BirthDate", false, "No coincide", "Videollamada", userName), ("BirthDate", true, "Coincide", "Videollamada", userName)],
            file.Evidence.Select(e => (e.Kind, e.Passed, e.Result, e.Channel, e.Agent)));
        var previous = Assert.Single(file.Previous);
        Assert.Equal(("Ventanilla", "Rechazado", "Documento no válido", earlier.UserName), (previous.Channels, previous.Outcome, previous.Reason, previous.Agent));
        Assert.DoesNotContain("23/08/1979", System.Text.Json.JsonSerializer.Serialize(file));
    }

    [Fact]
    public async Task AgentCasePanel_WithoutACall_IsEmpty()
    {
        await using var agent = await AgentConsoleClient.ConnectAsync(app);

        Assert.Null(await agent.Hub.InvokeAsync<CaseFile?>("GetCaseFile"));
    }

    private Task AddCaseAsync(Guid accountId, Guid agentId, DateTimeOffset opened, CaseStatus status, CaseChannel channel, string? reason, params CaseChannel[] checkChannels) =>
        app.WithDbAsync(async db =>
        {
            var unlockCase = new UnlockCase
            {
                Id = Guid.NewGuid(), AccountId = accountId, Channel = channel, Status = status, OpenedAt = opened, ClosedAt = opened.AddHours(1),
                AgentId = agentId, ReasonCode = reason,
            };
            db.Cases.Add(unlockCase);
            db.CaseChecks.AddRange(checkChannels.Select((c, i) => new CaseCheck
            {
                CaseId = unlockCase.Id, Kind = CheckKind.BirthDate, Passed = true, AgentId = agentId, Channel = c, At = opened.AddMinutes(i + 1),
            }));
            return await db.SaveChangesAsync();
        });
}
