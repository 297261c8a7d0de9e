using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Window;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Window;

/// <summary>The window's case: blind checklist against the document, outcomes, and holding the case.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WindowCaseTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Checklist_SaysOnlyMatchOrNoMatch_AndHasNoOneTimeCode()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        var caseId = await desk.OpenAsync(person.Identification);
        var page = await desk.CasePageAsync(caseId);
        Assert.Contains("check-BirthDate", page);
        Assert.Contains("Respuesta a: ¿Cuál es el nombre de tu primera mascota?", page);
        Assert.DoesNotContain("check-OneTimeCode", page);

        var wrong = await desk.CheckAsync(caseId, CheckKind.BirthDate, "01/01/1970");
        Assert.Contains("No coincide. Intentos restantes: 2.", wrong);
        Assert.DoesNotContain("23/08/1979", wrong);
        var right = await desk.CheckAsync(caseId, CheckKind.BirthDate, "23/08/1979");
        Assert.Contains("Coincide.", right);
        Assert.Contains("✓ Ya verificado: Ventanilla", right);
        Assert.DoesNotContain("id=\"check-BirthDate\"", right);
        Assert.Contains("Coincide.", await desk.CheckAsync(caseId, CheckKind.SecurityAnswer, "  FIRULAIS "));
        Assert.Contains("No coincide.", await desk.CheckAsync(caseId, CheckKind.DocumentSerial, "ZZ9999999"));
        var code = await desk.CheckAsync(caseId, CheckKind.OneTimeCode, "123456");
        Assert.Contains("Esta verificación no aplica en este canal.", code);

        var checks = await app.WithDbAsync(db => db.CaseChecks.Where(c => c.CaseId == caseId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([CheckKind.BirthDate, CheckKind.BirthDate, CheckKind.SecurityAnswer, CheckKind.DocumentSerial], checks.Select(c => c.Kind));
        Assert.All(checks, c => Assert.Equal((CaseChannel.Window, desk.Id), (c.Channel, c.AgentId)));
        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.CaseId == caseId && e.Action == AuditActions.CaseChecked).Select(e => e.Detail).ToListAsync());
        Assert.Equal(4, audited.Count);
        Assert.All(audited, d => Assert.Contains("channel=Window", d));
    }

    [Fact]
    public async Task Unlock_NeedsEveryWindowCheck_ButNotTheOneTimeCode()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        var caseId = await desk.OpenAsync(person.Identification);
        await desk.CheckAsync(caseId, CheckKind.BirthDate, "1979-08-23");
        await desk.CheckAsync(caseId, CheckKind.SecurityAnswer, person.Answer);
        await desk.CheckAsync(caseId, CheckKind.DocumentSerial, "ab-1234567");

        var early = await desk.PostCaseAsync(caseId, "Unlock");
        var missing = WindowDesk.Notice(await desk.CasePageAsync(caseId));
        Assert.Equal(WindowFeature.CasePath(caseId), early.Location?.OriginalString);
        Assert.StartsWith("Faltan verificaciones: El rostro coincide con la foto del documento, El documento parece auténtico", missing);
        Assert.DoesNotContain("Código", missing);
        Assert.NotNull(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.LockedAt).SingleAsync()));

        await desk.ConfirmVisualAsync(caseId, CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine);
        var unlocked = await desk.PostCaseAsync(caseId, "Unlock");

        Assert.Equal(WindowFeature.Path, unlocked.Location?.OriginalString);
        Assert.Contains("Clave desbloqueada", WindowDesk.Notice(await desk.Client.GetStringAsync(WindowFeature.Path)));
        Assert.Null(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.LockedAt).SingleAsync()));
        var closed = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal((CaseStatus.Unlocked, CaseChannel.Window), (closed.Status, closed.Channel));
        var reset = await app.WithDbAsync(db => db.LockoutLedger.SingleAsync(l => l.CaseId == caseId));
        Assert.Equal((LockoutChange.Reset, "verified-unlock:Window", (Guid?)desk.Id), (reset.Change, reset.Cause, reset.AgentId));
        await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, person.Email) && (m.TextBody ?? "").Contains("/clave/nueva"), Flows.MailTimeout);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetCaseAsync(caseId)).StatusCode);
    }

    [Fact]
    public async Task Reject_KeepsTheAccountLocked_AndOnlyWindowReasonsAreAccepted()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        var caseId = await desk.OpenAsync(person.Identification);

        var callFailed = await desk.PostCaseAsync(caseId, "Reject", new Dictionary<string, string?> { ["reason"] = "CallFailed" });
        Assert.Equal("Motivo no válido.", WindowDesk.Notice(await desk.CasePageAsync(caseId)));
        var rejected = await desk.PostCaseAsync(caseId, "Reject", new Dictionary<string, string?> { ["reason"] = "NoDocument" });

        Assert.Equal(WindowFeature.CasePath(caseId), callFailed.Location?.OriginalString);
        Assert.Equal(WindowFeature.Path, rejected.Location?.OriginalString);
        var closed = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal((CaseStatus.Rejected, "NoDocument"), (closed.Status, closed.ReasonCode));
        Assert.NotNull(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.LockedAt).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.CaseId == caseId && e.Action == AuditActions.CaseRejected && e.Detail!.StartsWith("NoDocument"))));
    }

    [Fact]
    public async Task CaseOfAnotherAgent_IsRefused_ByIdAndByGrant()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var holder = await WindowDesk.SignInAsync(app);
        using var other = await WindowDesk.SignInAsync(app);
        var (_, holderSearch) = await holder.SearchAsync(person.Identification);
        var holderGrant = HtmlForms.HiddenValue(holderSearch, "grant");
        var caseId = WindowDesk.CaseIdFrom((await holder.PostOpenAsync(holderSearch, holderGrant)).Location);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetCaseAsync(caseId)).StatusCode);
        foreach (var handler in new[] { "Check", "Visual", "Unlock", "Reject", "Email", "Release" })
        {
            var fields = new Dictionary<string, string?> { ["kind"] = "BirthDate", ["value"] = "23/08/1979", ["reason"] = "NoDocument", ["email"] = "x@correo.test" };
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostCaseAsync(caseId, handler, fields)).Status);
        }

        var (_, otherSearch) = await other.SearchAsync(person.Identification);
        var stolen = await other.PostOpenAsync(otherSearch, holderGrant);
        Assert.Contains("La búsqueda caducó. Busca de nuevo a la persona.", AgentFlows.Errors(stolen.Html));
        Assert.Contains("Otro agente atiende este caso ahora.", otherSearch);
        var unchanged = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal((CaseStatus.Open, (Guid?)holder.Id), (unchanged.Status, unchanged.AgentId));
        Assert.False(await app.WithDbAsync(db => db.CaseChecks.AnyAsync(c => c.CaseId == caseId)));
    }

    [Fact]
    public async Task Release_KeepsTheCaseAndItsEvidenceOpen_ForTheNextVisit()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        using var nextDay = await WindowDesk.SignInAsync(app);
        var caseId = await desk.OpenAsync(person.Identification);
        await desk.CheckAsync(caseId, CheckKind.BirthDate, "23/08/1979");

        var released = await desk.PostCaseAsync(caseId, "Release");

        Assert.Equal(WindowFeature.Path, released.Location?.OriginalString);
        Assert.Equal(caseId, await nextDay.OpenAsync(person.Identification));
        var page = await nextDay.CasePageAsync(caseId);
        Assert.Contains("✓ Ya verificado: Ventanilla", page);
        Assert.Contains(desk.Agent.UserName, page);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.CaseId == caseId && e.Action == AuditActions.CaseReleased)));
    }

    [Fact]
    public async Task AccountThatIsNotLocked_HasNothingToOpen()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedAt, (DateTimeOffset?)null)));
        using var desk = await WindowDesk.SignInAsync(app);

        var (_, html) = await desk.SearchAsync(person.Identification);

        Assert.Contains("Activa, no bloqueada", html);
        Assert.Contains("la clave no está bloqueada", html);
        Assert.DoesNotContain("name=\"grant\"", html);
    }
}
