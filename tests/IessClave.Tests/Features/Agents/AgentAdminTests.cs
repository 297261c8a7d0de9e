using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Agents;

/// <summary>/admin/agentes and the `create-admin` verb.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentAdminTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Admin_CreatesAnAgentOnThePage_AuditedAndAbleToEnrol()
    {
        using var client = app.CreateClient();
        var admin = await AgentFlows.EnrolledAsync(app, client, AgentRoles.Admin);
        var page = await client.GetStringAsync("/admin/agentes");
        Assert.Contains("Al menos 12 caracteres", page);
        var userName = AgentFlows.NewUserName("nuevo");

        var created = await HtmlForms.PostAsync(client, page, "/admin/agentes?handler=Create", new Dictionary<string, string?>
        {
            ["UserName"] = userName.ToUpperInvariant(), ["DisplayName"] = "Luis <b>Negrita</b> Mora", ["Roles"] = "Agent", ["Password"] = "Nueva-frase-de-agente-77",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var list = await client.GetStringAsync(created.Location);
        Assert.Contains($"Se creó la cuenta «{userName}»", list);
        Assert.Contains("Luis &lt;b&gt;Negrita&lt;/b&gt; Mora", list);

        var agent = await app.WithDbAsync(db => db.Agents.AsNoTracking().SingleAsync(a => a.UserName == userName));
        Assert.Equal(AgentRoles.Agent, agent.Roles);
        Assert.Null(agent.TotpEnrolledAt);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AgentCreated && e.Detail!.Contains(agent.Id.ToString())));
        Assert.Equal((AuditActors.Admin, admin.Id.ToString()), (audit.ActorType, audit.ActorId));
        using var newcomer = app.CreateClient();
        Assert.Equal("/agentes/enrolar", (await AgentFlows.PasswordAsync(newcomer, userName, "Nueva-frase-de-agente-77")).Location?.OriginalString);
    }

    [Fact]
    public async Task Admin_CreateWithBadInput_ShowsEveryErrorInSpanish()
    {
        using var client = app.CreateClient();
        var admin = await AgentFlows.EnrolledAsync(app, client, AgentRoles.Admin);
        var page = await client.GetStringAsync("/admin/agentes");

        var refused = await HtmlForms.PostAsync(client, page, "/admin/agentes?handler=Create", new Dictionary<string, string?>
        {
            ["UserName"] = admin.UserName, ["DisplayName"] = "", ["Password"] = "corta",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var errors = AgentFlows.Errors(refused.Html);
        Assert.Contains("Elige al menos un rol.", errors);
        Assert.Contains(errors, e => e.StartsWith("Escribe el nombre", StringComparison.Ordinal));
        Assert.Contains("La clave debe tener al menos 12 caracteres.", errors);
        var taken = await HtmlForms.PostAsync(client, page, "/admin/agentes?handler=Create", new Dictionary<string, string?>
        {
            ["UserName"] = admin.UserName, ["DisplayName"] = "Otro", ["Roles"] = "Agent", ["Password"] = "Otra-frase-bastante-larga",
        });
        Assert.Equal(["Ya existe una cuenta con ese usuario."], AgentFlows.Errors(taken.Html));
    }

    [Fact]
    public async Task NonAdminAgent_GetsForbidden()
    {
        using var client = app.CreateClient();
        await AgentFlows.EnrolledAsync(app, client, AgentRoles.Agent | AgentRoles.Supervisor);

        var response = await client.GetAsync("/admin/agentes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No tienes permiso", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agentes")).StatusCode);
    }

    [Fact]
    public async Task Admin_UnlocksALockedAgent_AuditedAndTheAgentSignsInAgain()
    {
        var locked = await AgentFlows.CreateAsync(app, AgentRoles.Agent);
        using var agentClient = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await AgentFlows.PasswordAsync(agentClient, locked.UserName, "equivocada-" + i);
        }

        using var client = app.CreateClient();
        var admin = await AgentFlows.EnrolledAsync(app, client, AgentRoles.Admin);
        var page = await client.GetStringAsync("/admin/agentes");
        Assert.Contains("Bloqueada desde", page);

        var unlocked = await HtmlForms.PostAsync(client, page, "/admin/agentes?handler=Unlock", new Dictionary<string, string?> { ["agentId"] = locked.Id.ToString() });

        Assert.Contains("Se desbloqueó la cuenta.", await client.GetStringAsync(unlocked.Location));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AgentUnlocked && e.Detail == $"agent={locked.Id}"));
        Assert.Equal((AuditActors.Admin, admin.Id.ToString()), (audit.ActorType, audit.ActorId));
        Assert.Equal("/agentes/enrolar", (await AgentFlows.PasswordAsync(agentClient, locked.UserName, AgentFlows.Password)).Location?.OriginalString);
    }

    [Fact]
    public async Task CreateAdminVerb_RefusesBadUsageTakenNamesAndWeakPasswords()
    {
        var userName = AgentFlows.NewUserName("admin");
        var asked = false;

        Assert.Equal(2, (await AgentFlows.CreateAdminAsync(app, [userName], AgentFlows.Password)).ExitCode);
        Assert.Equal(2, (await AgentFlows.CreateAdminAsync(app, [userName, "Nombre", AgentFlows.Password], AgentFlows.Password)).ExitCode);
        Assert.Equal(2, (await AgentFlows.CreateAdminAsync(app, [userName, "Nombre"], null)).ExitCode);
        Assert.Equal(1, (await AgentFlows.CreateAdminAsync(app, [userName, "Nombre"], "Contrasena123 ")).ExitCode);
        Assert.Equal(0, (await AgentFlows.CreateAdminAsync(app, [userName, "Nombre"], AgentFlows.Password)).ExitCode);
        var again = await AgentFlows.CreateAdminAsync(app, [userName.ToUpperInvariant(), "Otro"], AgentFlows.Password);
        await using var scope = app.Services.CreateAsyncScope();
        var usage = await scope.ServiceProvider.GetRequiredService<IessClave.Web.Features.Agents.Admin.CreateAdminCommand>()
            .RunAsync([], () => { asked = true; return "x"; }, TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Ya existe una cuenta con ese usuario.", again.Error);
        Assert.Equal(2, usage);
        Assert.False(asked);
        Assert.Equal(1, await app.WithDbAsync(db => db.Agents.CountAsync(a => a.UserName == userName)));
    }
}
