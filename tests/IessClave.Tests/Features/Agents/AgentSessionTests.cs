using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Agents;

/// <summary>The agent's session cookie: separate from the affiliates', strict, absolute lifetime, sign-out.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentSessionTests(SharedPostgresApp app)
{
    [Fact]
    public async Task AffiliateCookie_DoesNotOpenTheConsole()
    {
        using var client = app.CreateClient();
        var (who, clave) = await Flows.ActiveAffiliateAsync(app, client);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, who.Identification, clave)).StatusCode);

        var console = await client.GetAsync("/agentes");
        var admin = await client.GetAsync("/admin/agentes");

        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("http://localhost/agentes/ingresar?ReturnUrl=", console.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyStrictAndIssuedOnlyAfterTheSecondFactor()
    {
        using var first = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Agent);
        using var client = app.CreateClient();
        AgentFlows.NextStep(app);

        var page = await client.GetStringAsync("/agentes/ingresar");
        var password = await HtmlForms.PostAsync(client, page, "/agentes/ingresar", new Dictionary<string, string?> { ["UserName"] = agent.UserName, ["Password"] = agent.Password });
        var code = await client.GetStringAsync("/agentes/codigo");
        using var response = await client.PostAsync("/agentes/codigo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = AgentFlows.CodeNow(app, agent.Secret),
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(code, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
        }));

        Assert.Equal("/agentes/codigo", password.Location?.OriginalString);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith(AgentAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Session_AfterEightHours_IsOver()
    {
        using var client = app.CreateClient();
        await AgentFlows.EnrolledAsync(app, client, AgentRoles.Agent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agentes")).StatusCode);

        app.Time.Advance(TimeSpan.FromHours(8));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agentes")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionSetsOfflineAndIsAudited()
    {
        using var client = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, client, AgentRoles.Agent);
        await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AgentStatus.Available)));
        var console = await client.GetStringAsync("/agentes");

        var signedOut = await HtmlForms.PostAsync(client, console, "/agentes/salir", new Dictionary<string, string?>());

        Assert.Equal("/agentes/ingresar?motivo=salida", signedOut.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agentes")).StatusCode);
        Assert.Equal(AgentStatus.Offline, await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent.Id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.ActorId == agent.Id.ToString() && e.Action == AuditActions.AgentSignOut)));
    }

    [Fact]
    public async Task RolesChangedAfterSignIn_DropTheSession()
    {
        using var client = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, client, AgentRoles.Agent | AgentRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/agentes")).StatusCode);

        await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Roles, AgentRoles.Agent)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/agentes")).StatusCode);
    }

    [Fact]
    public async Task SameCode_PostedTwiceAtOnce_SignsInOnlyOnce()
    {
        using var first = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Agent);
        AgentFlows.NextStep(app);
        using var one = app.CreateClient();
        using var two = app.CreateClient();
        await AgentFlows.PasswordAsync(one, agent.UserName, agent.Password);
        await AgentFlows.PasswordAsync(two, agent.UserName, agent.Password);
        var code = AgentFlows.CodeNow(app, agent.Secret);

        var answers = await Task.WhenAll(AgentFlows.CodeAsync(one, code), AgentFlows.CodeAsync(two, code));

        Assert.Equal(1, answers.Count(a => a.Location?.OriginalString == "/agentes"));
    }

    [Fact]
    public async Task AgentFlow_LeavesNoPasswordSecretOrRecoveryCodeInTheLogs()
    {
        using var client = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, client, AgentRoles.Agent);
        using var other = app.CreateClient();
        await AgentFlows.PasswordAsync(other, agent.UserName, agent.Password);
        await AgentFlows.CodeAsync(other, agent.RecoveryCodes[0]);

        var logs = string.Join("\n", app.Factory.Logs.Lines);

        Assert.DoesNotContain(agent.Password, logs);
        Assert.DoesNotContain(agent.Secret, logs);
        Assert.All(agent.RecoveryCodes, c => Assert.DoesNotContain(c, logs));
    }
}
