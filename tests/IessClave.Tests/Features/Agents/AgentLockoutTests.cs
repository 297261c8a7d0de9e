using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Agents;

[Collection(PostgresCollection.Name)]
public sealed class AgentLockoutTests(SharedPostgresApp app)
{
    [Fact]
    public async Task WrongCode_FiveTimes_LocksAndThenEvenTheRightPasswordAndCodeAreRefused()
    {
        using var first = app.CreateClient();
        var agent = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Agent);
        using var client = app.CreateClient();
        AgentFlows.NextStep(app);
        await AgentFlows.PasswordAsync(client, agent.UserName, agent.Password);
        var wrong = AgentFlows.CodeNow(app, agent.Secret) == "000000" ? "111111" : "000000";

        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            var answer = await AgentFlows.CodeAsync(client, wrong);
            answers.Add(answer.Location?.OriginalString ?? (answer.Html.Contains("El código no es correcto") ? "wrong" : answer.Html));
        }

        Assert.Equal(["wrong", "wrong", "wrong", "wrong", "/agentes/ingresar?motivo=bloqueada"], answers);
        Assert.NotNull(await app.WithDbAsync(db => db.Agents.Where(a => a.Id == agent.Id).Select(a => a.LockedAt).SingleAsync()));
        var before = app.Hasher.Verifications;
        var refused = await AgentFlows.PasswordAsync(client, agent.UserName, agent.Password);
        Assert.Equal(before, app.Hasher.Verifications);
        Assert.Null(refused.Location);
        Assert.Contains("Tu cuenta de agente está bloqueada", refused.Html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agentes")).StatusCode);

        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == agent.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(5, audit.Count(a => a == AuditActions.AgentTotpFailed));
        Assert.Equal(1, audit.Count(a => a == AuditActions.AgentLocked));
    }

    [Fact]
    public async Task WrongPassword_FiveTimes_Locks()
    {
        var agent = await AgentFlows.CreateAsync(app, AgentRoles.Agent);
        using var client = app.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Usuario o clave incorrectos", (await AgentFlows.PasswordAsync(client, agent.UserName, "equivocada-" + i)).Html);
        }

        var fifth = await AgentFlows.PasswordAsync(client, agent.UserName, "equivocada-5");
        var right = await AgentFlows.PasswordAsync(client, agent.UserName, AgentFlows.Password);

        Assert.Contains("Tu cuenta de agente está bloqueada", fifth.Html);
        Assert.Contains("Tu cuenta de agente está bloqueada", right.Html);
        Assert.Null(right.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.ActorId == agent.Id.ToString() && e.Action == AuditActions.AgentLocked)));
    }

    [Fact]
    public async Task UnknownUserName_AndWrongPassword_GiveTheSamePageAtTheSameCost()
    {
        var agent = await AgentFlows.CreateAsync(app, AgentRoles.Agent);
        var unknown = AgentFlows.NewUserName("nadie");
        using var client = app.CreateClient();

        var before = app.Hasher.Verifications;
        var wrongPassword = await AgentFlows.PasswordAsync(client, agent.UserName, "equivocada-1234");
        var wrongCost = app.Hasher.Verifications - before;
        before = app.Hasher.Verifications;
        var unknownUser = await AgentFlows.PasswordAsync(client, unknown, "equivocada-1234");
        var unknownCost = app.Hasher.Verifications - before;

        Assert.Equal(wrongPassword.Status, unknownUser.Status);
        Assert.Equal(1, wrongCost);
        Assert.Equal(wrongCost, unknownCost);
        Assert.Equal(Normalize(wrongPassword.Html, agent.UserName), Normalize(unknownUser.Html, unknown));
        Assert.Equal(["Usuario o clave incorrectos. Después de 5 intentos fallidos seguidos la cuenta se bloquea."], AgentFlows.Errors(unknownUser.Html));
    }

    [Fact]
    public async Task UnknownUserName_FifthFailure_LooksLockedLikeARealAccount()
    {
        var unknown = AgentFlows.NewUserName("nadie");
        using var client = app.CreateClient();

        var pages = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            pages.Add((await AgentFlows.PasswordAsync(client, unknown, "equivocada-1234")).Html);
        }

        Assert.All(pages.Take(4), p => Assert.Contains("Usuario o clave incorrectos", p));
        Assert.All(pages.Skip(4), p => Assert.Contains("Tu cuenta de agente está bloqueada", p));
    }

    // The page echoes the typed user name and carries a fresh antiforgery token: everything else must be equal.
    private static string Normalize(string html, string userName) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace(userName, "USUARIO", StringComparison.Ordinal),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN");
}
