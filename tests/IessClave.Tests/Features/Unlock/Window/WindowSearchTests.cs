using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Window;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Window;

/// <summary>The window's search: a stated reason, an audit event per search, masked data, agents only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WindowSearchTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Search_WithAStatedReason_IsAuditedWithTheReason_AndShowsTheStatus()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);

        var (status, html) = await desk.SearchAsync(person.Identification, nameof(WindowSearchReason.InPersonService), "Turno A-017, agencia Quito Norte");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(person.FullName, html);
        Assert.Contains("Bloqueada", html);
        Assert.Contains("Claves incorrectas seguidas", html);
        Assert.Contains("Abrir caso de desbloqueo", html);
        var searched = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.ActorId == desk.Id.ToString() && e.Action == AuditActions.WindowSearched));
        Assert.Equal((AuditActors.Agent, (Guid?)person.AccountId), (searched.ActorType, searched.AccountId));
        Assert.Contains("reason=InPersonService", searched.Detail);
        Assert.Contains("note=Turno A-017, agencia Quito Norte", searched.Detail);
        Assert.Contains("id=" + person.Identification, searched.Detail);
    }

    [Fact]
    public async Task SearchResult_ShowsMaskedData_NeverTheFullValues()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);

        var (_, html) = await desk.SearchAsync(person.Identification);

        Assert.Contains(AccountLookup.HiddenBirthDate, html);
        Assert.Contains(ContactData.MaskEmail(person.Email), html);
        Assert.Contains("09******21", html);
        foreach (var full in new[] { "/1979", "1979-", "23081979", person.Email, person.Phone, person.Serial, person.Answer })
        {
            Assert.DoesNotContain(full, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Search_WithoutAReason_IsRefusedAndLooksNothingUp()
    {
        var person = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);

        var (status, noReason) = await desk.SearchAsync(person.Identification, reason: null, note: null);
        var (_, badReason) = await desk.SearchAsync(person.Identification, reason: "Curiosidad", note: "x");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Elige el motivo de la búsqueda.", AgentFlows.Errors(noReason));
        Assert.Contains(AgentFlows.Errors(noReason), e => e.StartsWith("Describe el motivo", StringComparison.Ordinal));
        Assert.Contains("Elige el motivo de la búsqueda.", AgentFlows.Errors(badReason));
        Assert.DoesNotContain(person.FullName, noReason + badReason);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.ActorId == desk.Id.ToString() && e.Action == AuditActions.WindowSearched)));
    }

    [Fact]
    public async Task Search_ForAnUnknownOrInvalidIdentification_SaysSoAndIsStillAudited()
    {
        using var desk = await WindowDesk.SignInAsync(app);

        var (_, unknown) = await desk.SearchAsync(TestIdentities.NewCedula());
        var (_, invalid) = await desk.SearchAsync("1712345670");

        Assert.Contains("No hay nadie con esa identificación en el registro de afiliados.", AgentFlows.Errors(unknown));
        Assert.Contains(IdentificationErrors.CedulaCheckDigit, AgentFlows.Errors(invalid));
        var details = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == desk.Id.ToString() && e.Action == AuditActions.WindowSearched).Select(e => e.Detail).ToListAsync());
        Assert.Single(details);
        Assert.Contains("found=none", details[0]);
    }

    [Fact]
    public async Task WindowPages_ForNonAgents_AreRefused()
    {
        using var supervisor = await WindowDesk.SignInAsync(app, AgentRoles.Supervisor);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync(WindowFeature.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetCaseAsync(Guid.NewGuid())).StatusCode);
        var anonymousGet = await anonymous.GetAsync(WindowFeature.Path);
        Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
        var login = anonymousGet.Headers.Location!;
        Assert.StartsWith("/agentes/ingresar", login.IsAbsoluteUri ? login.PathAndQuery : login.OriginalString);
        var anonymousPost = await anonymous.PostAsync(WindowFeature.Path + "?handler=Search", new FormUrlEncodedContent(new Dictionary<string, string> { ["Identification"] = "1712345675" }));
        Assert.NotEqual(HttpStatusCode.OK, anonymousPost.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.ActorId == supervisor.Id.ToString() && e.Action == AuditActions.WindowSearched)));
    }
}
