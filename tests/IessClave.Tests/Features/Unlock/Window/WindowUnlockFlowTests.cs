using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Supervision;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Features.Unlock.Window;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Window;

/// <summary>Whole window journeys on real PostgreSQL and real SMTP: unlock and sign in, four eyes, one case across channels.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WindowUnlockFlowTests(SharedPostgresApp app)
{
    [Fact]
    public async Task LockedAffiliate_VerifiedAtTheWindow_GetsANewClaveLink_SignsIn_AndSeesTheCaseOnMiCuenta()
    {
        using var http = app.CreateClient();
        var (who, _) = await Flows.ActiveAffiliateAsync(app, http);
        for (var i = 0; i < 3; i++)
        {
            await Flows.SignInAsync(http, who.Identification, "equivocada-" + i);
        }

        using var desk = await WindowDesk.SignInAsync(app);
        var caseId = await desk.OpenAsync(who.Identification);
        await desk.CheckAsync(caseId, CheckKind.BirthDate, who.BirthDate.ToString("dd/MM/yyyy"));
        await desk.CheckAsync(caseId, CheckKind.SecurityAnswer, "firulais");
        await desk.CheckAsync(caseId, CheckKind.DocumentSerial, "S123");
        await desk.ConfirmVisualAsync(caseId, CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine);
        Assert.Equal(WindowFeature.Path, (await desk.PostCaseAsync(caseId, "Unlock")).Location?.OriginalString);

        var mail = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, who.Email) && (m.TextBody ?? "").Contains("/clave/nueva"), Flows.MailTimeout);
        using var affiliate = app.CreateClient();
        var page = await affiliate.GetStringAsync("/clave/nueva?t=" + Flows.NewClaveTokenFrom(mail));
        var set = await HtmlForms.PostAsync(affiliate, page, "/clave/nueva",
            new Dictionary<string, string?> { ["t"] = Flows.NewClaveTokenFrom(mail), ["Clave"] = "Ventanilla-Segura-5521", ["ClaveConfirmation"] = "Ventanilla-Segura-5521" });
        Assert.Equal("/clave/activada", set.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(affiliate, who.Identification, "Ventanilla-Segura-5521")).StatusCode);

        var miCuenta = await affiliate.GetStringAsync("/mi-cuenta");
        Assert.Contains("Mis trámites de desbloqueo", miCuenta);
        Assert.Contains("<td>Ventanilla</td><td>Clave desbloqueada</td>", miCuenta);
        Assert.DoesNotContain(desk.Agent.UserName, miCuenta);
        Assert.DoesNotContain("Agente de Prueba", miCuenta);
    }

    [Fact]
    public async Task EmailCorrection_AtTheWindow_NeedsASecondPerson_ThenMailsOnlyTheNewAddress()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app, AgentRoles.Agent | AgentRoles.Supervisor);
        var caseId = await desk.OpenAsync(person.Identification);
        var email = new Dictionary<string, string?> { ["email"] = $"nuevo.{Guid.NewGuid():N}@correo.test" };

        await desk.PostCaseAsync(caseId, "Email", email);
        Assert.StartsWith("Primero verifica la identidad", WindowDesk.Notice(await desk.CasePageAsync(caseId)));
        await VerifyAllAsync(desk, caseId, person);
        var requested = await desk.PostCaseAsync(caseId, "Email", email);

        Assert.Equal(WindowFeature.Path, requested.Location?.OriginalString);
        Assert.Equal(CaseStatus.AwaitingApproval, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(ApprovalOutcome.SamePerson, await DecideAsync(desk.Id, caseId));
        Assert.NotNull(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.LockedAt).SingleAsync()));
        Assert.Equal(ApprovalOutcome.Approved, await DecideAsync(await QueueTestSupport.NewAvailableAgentAsync(app), caseId));

        var mail = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, email["email"]!), Flows.MailTimeout);
        Assert.Contains("/clave/nueva", mail.TextBody);
        Assert.DoesNotContain(app.Smtp.Messages, m => Flows.IsTo(m, person.Email) && (m.TextBody ?? "").Contains("/clave/nueva"));
        Assert.Equal(email["email"], await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.Email).SingleAsync()));
    }

    [Fact]
    public async Task CaseBegunInTheVideoQueue_ContinuedAtTheWindow_DoesNotAskAPassedCheckAgain()
    {
        await QueueTestSupport.DrainAsync(app);
        var person = await WindowTestData.NewLockedAsync(app);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, person.Locked);
        await using var video = await AgentConsoleClient.ConnectAsync(app);
        await video.TakeNextAsync();
        Assert.True((await video.CheckAsync(CheckKind.BirthDate, "23/08/1979")).Matched);
        var videoUser = await app.WithDbAsync(db => db.Agents.Where(a => a.Id == video.Id).Select(a => a.UserName).SingleAsync());
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.AccountId == person.AccountId).Select(c => c.Id).SingleAsync());
        using var desk = await WindowDesk.SignInAsync(app);

        var (_, duringCall) = await desk.SearchAsync(person.Identification);
        Assert.Contains("Otro agente atiende este caso ahora.", duringCall);
        Assert.Contains("Videollamada", duringCall);
        Assert.Equal(nameof(Web.Features.Unlock.Verification.OutcomeResult.Done), (await video.Hub.InvokeAsync<AgentOutcomeReply>("Escalate")).Result);

        Assert.Equal(caseId, await desk.OpenAsync(person.Identification));
        var page = await desk.CasePageAsync(caseId);
        Assert.Contains($"✓ Ya verificado: Videollamada", page);
        Assert.Contains(videoUser, page);
        Assert.DoesNotContain("id=\"check-BirthDate\"", page);
        Assert.DoesNotContain("Fecha de nacimiento", System.Text.RegularExpressions.Regex.Match(page, "data-missing>([^<]*)<").Groups[1].Value);
        var again = await desk.CheckAsync(caseId, CheckKind.BirthDate, "01/01/1970");
        Assert.Contains("Ya verificado en este caso.", again);
        var checks = await app.WithDbAsync(db => db.CaseChecks.Where(c => c.CaseId == caseId).ToListAsync());
        Assert.Equal((CheckKind.BirthDate, CaseChannel.VideoQueue, video.Id), (checks.Single().Kind, checks.Single().Channel, checks.Single().AgentId));

        await desk.CheckAsync(caseId, CheckKind.SecurityAnswer, person.Answer);
        await desk.CheckAsync(caseId, CheckKind.DocumentSerial, person.Serial);
        await desk.ConfirmVisualAsync(caseId, CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine);
        Assert.Equal(WindowFeature.Path, (await desk.PostCaseAsync(caseId, "Unlock")).Location?.OriginalString);
        Assert.Equal(CaseStatus.Unlocked, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AccountId == person.AccountId)));
    }

    private static async Task VerifyAllAsync(WindowDesk desk, Guid caseId, WindowPerson person)
    {
        await desk.CheckAsync(caseId, CheckKind.BirthDate, "23/08/1979");
        await desk.CheckAsync(caseId, CheckKind.SecurityAnswer, person.Answer);
        await desk.CheckAsync(caseId, CheckKind.DocumentSerial, person.Serial);
        await desk.ConfirmVisualAsync(caseId, CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine);
    }

    private async Task<ApprovalOutcome> DecideAsync(Guid supervisor, Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailChangeApprovals>().DecideAsync(supervisor, caseId, approve: true, default);
    }
}
