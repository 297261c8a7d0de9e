using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Agents;

/// <summary>Staff sign-in through the pages: password, then TOTP enrolment or code, then the console.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentSignInTests(SharedPostgresApp app)
{
    [Fact]
    public async Task CreateAdminCli_ThenPasswordEnrolmentAndCode_ReachesTheConsole()
    {
        var userName = AgentFlows.NewUserName("admin");
        var cli = await AgentFlows.CreateAdminAsync(app, [userName, "Ana Pérez Admin"], AgentFlows.Password);
        Assert.Equal(0, cli.ExitCode);
        using var client = app.CreateClient();

        var password = await AgentFlows.PasswordAsync(client, userName, AgentFlows.Password);
        Assert.Equal("/agentes/enrolar", password.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agentes")).StatusCode);
        var enrol = await client.GetStringAsync("/agentes/enrolar");
        Assert.Contains("<img class=\"qr\" src=\"data:image/png;base64,", enrol);
        Assert.Contains($"IESS Clave:{userName}", enrol);
        var secret = AgentFlows.SecretFrom(enrol);
        var confirmed = await HtmlForms.PostAsync(client, enrol, "/agentes/enrolar", new Dictionary<string, string?> { ["Code"] = AgentFlows.CodeNow(app, secret) });

        var codes = AgentFlows.RecoveryCodesFrom(confirmed.Html);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        var console = await client.GetStringAsync("/agentes");
        Assert.Contains("Consola del agente", console);
        Assert.Contains("Ana Pérez Admin", console);
        Assert.Contains("Agente, Supervisor, Administrador", console);

        var agent = await app.WithDbAsync(db => db.Agents.AsNoTracking().SingleAsync(a => a.UserName == userName));
        Assert.Equal(AgentRoles.Admin | AgentRoles.Supervisor | AgentRoles.Agent, agent.Roles);
        Assert.NotNull(agent.TotpEnrolledAt);
        Assert.DoesNotContain(secret, agent.TotpSecretProtected);
        var hashes = await app.WithDbAsync(db => db.AgentRecoveryCodes.Where(c => c.AgentId == agent.Id).Select(c => c.CodeHash).ToListAsync());
        Assert.Equal(10, hashes.Count);
        Assert.DoesNotContain(hashes, h => codes.Any(c => h.Contains(c.Replace("-", ""), StringComparison.Ordinal)));
        var audit = await Actions(agent.Id);
        Assert.Equal([AuditActions.AgentPasswordOk, AuditActions.AgentTotpEnrolled, AuditActions.AgentSignInSucceeded], audit);

        // A second sign-in asks for the code: the password alone opens nothing.
        using var second = app.CreateClient();
        AgentFlows.NextStep(app);
        var again = await AgentFlows.PasswordAsync(second, userName, AgentFlows.Password);
        Assert.Equal("/agentes/codigo", again.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/agentes")).StatusCode);
        Assert.Equal("/agentes", (await AgentFlows.CodeAsync(second, AgentFlows.CodeNow(app, secret))).Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/agentes")).StatusCode);
    }

    [Fact]
    public async Task Code_ReusedInTheSameWindow_IsRefused()
    {
        using var first = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Agent);
        AgentFlows.NextStep(app);
        var code = AgentFlows.CodeNow(app, agent.Secret);
        using var one = app.CreateClient();
        await AgentFlows.PasswordAsync(one, agent.UserName, agent.Password);
        Assert.Equal("/agentes", (await AgentFlows.CodeAsync(one, code)).Location?.OriginalString);

        using var two = app.CreateClient();
        await AgentFlows.PasswordAsync(two, agent.UserName, agent.Password);
        var reused = await AgentFlows.CodeAsync(two, code);

        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Contains("El código no es correcto o ya fue usado", reused.Html);
        Assert.Equal(HttpStatusCode.Redirect, (await two.GetAsync("/agentes")).StatusCode);
        var failed = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == agent.Id.ToString() && e.Action == AuditActions.AgentTotpFailed).Select(e => e.Detail).ToListAsync());
        Assert.Contains(failed, d => d!.Contains("totp-reused"));
    }

    [Fact]
    public async Task RecoveryCode_WorksOnceOnly()
    {
        using var first = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Agent);
        var recovery = agent.RecoveryCodes[3].ToUpperInvariant();

        using var one = app.CreateClient();
        await AgentFlows.PasswordAsync(one, agent.UserName, agent.Password);
        Assert.Equal("/agentes", (await AgentFlows.CodeAsync(one, recovery)).Location?.OriginalString);
        using var two = app.CreateClient();
        await AgentFlows.PasswordAsync(two, agent.UserName, agent.Password);
        var again = await AgentFlows.CodeAsync(two, recovery);

        Assert.Contains("El código no es correcto o ya fue usado", again.Html);
        Assert.Equal(1, await app.WithDbAsync(db => db.AgentRecoveryCodes.CountAsync(c => c.AgentId == agent.Id && c.UsedAt != null)));
        Assert.Contains(AuditActions.AgentRecoveryCodeUsed, await Actions(agent.Id));
    }

    [Fact]
    public async Task PendingSignIn_AfterFiveMinutes_HasExpired()
    {
        using var first = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Agent);
        using var client = app.CreateClient();
        AgentFlows.NextStep(app);
        await AgentFlows.PasswordAsync(client, agent.UserName, agent.Password);
        var page = await client.GetStringAsync("/agentes/codigo");

        app.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agentes/codigo")).StatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var late = await HtmlForms.PostAsync(client, page, "/agentes/codigo", new Dictionary<string, string?> { ["Code"] = AgentFlows.CodeNow(app, agent.Secret) });

        Assert.Equal("/agentes/ingresar?motivo=caducado", late.Location?.OriginalString);
        Assert.Contains("Pasaron más de 5 minutos", await client.GetStringAsync(late.Location));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agentes")).StatusCode);
    }

    private Task<List<string>> Actions(Guid agentId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == agentId.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
