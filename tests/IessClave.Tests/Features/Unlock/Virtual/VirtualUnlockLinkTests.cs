using System.Net;
using System.Net.Http.Json;
using IessClave.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Virtual;

/// <summary>The mailed unlock link: 15 minutes to the millisecond (fake clock), once, clave policy.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VirtualUnlockLinkTests(SharedPostgresApp app)
{
    private const string Api = "/api/v1/unlock/virtual";

    [Fact]
    public async Task UnlockLink_At14m59s999_IsAccepted()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var token = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);

        app.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(1));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(Api + "/link/inspect", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Parque-Cajas-Lagunas-118")).StatusCode);
        Assert.Null(await LockedAtAsync(person));
    }

    [Fact]
    public async Task UnlockLink_At15m00s000_IsRefusedAsExpired_AndTheAccountStaysLocked()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var token = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);

        app.Time.Advance(TimeSpan.FromMinutes(15));

        var inspect = await client.PostAsJsonAsync(Api + "/link/inspect", new { token });
        var complete = await SelfServiceFlows.CompleteAsync(client, Api, token, "Parque-Cajas-Lagunas-118");
        Assert.Equal(HttpStatusCode.Gone, inspect.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, complete.StatusCode);
        Assert.Equal("El enlace caducó.", (await SelfServiceFlows.ProblemAsync(complete)).GetProperty("title").GetString());
        Assert.NotNull(await LockedAtAsync(person));
        Assert.Contains("Este enlace caducó", await client.GetStringAsync(SelfServiceFlows.UnlockPath + "?t=" + token));
    }

    [Fact]
    public async Task UnlockLink_UsedTwice_IsRefusedTheSecondTime()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var token = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);

        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Ruta-Del-Spondylus-2025")).StatusCode);
        var second = await SelfServiceFlows.CompleteAsync(client, Api, token, "Otra-Clave-Distinta-9087");

        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Equal("El enlace ya fue usado.", (await SelfServiceFlows.ProblemAsync(second)).GetProperty("title").GetString());
        Assert.Contains("ya fue usado", await client.GetStringAsync(SelfServiceFlows.UnlockPath + "?t=" + token));
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, person.Who.Identification, "Ruta-Del-Spondylus-2025")).StatusCode);
    }

    [Fact]
    public async Task UnlockLink_WeakClave_IsAValidationProblemAndTheLinkStillWorks()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var token = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);

        var weak = await SelfServiceFlows.CompleteAsync(client, Api, token, "Clave" + person.Who.Identification);

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await SelfServiceFlows.ProblemAsync(weak)).GetProperty("errors").TryGetProperty("clave", out _));
        Assert.NotNull(await LockedAtAsync(person));
        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Volcan-Sangay-Activo-5300")).StatusCode);
    }

    [Fact]
    public async Task UnlockLink_IsNotARecoveryLink_AndForgedTokensAreUnknown()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var token = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);

        Assert.Equal(HttpStatusCode.NotFound, (await SelfServiceFlows.CompleteAsync(client, "/api/v1/recovery", token, "Volcan-Sangay-Activo-5300")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(Api + "/link/inspect", new { token = "corto" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/activations/inspect", new { token })).StatusCode);
    }

    private Task<DateTimeOffset?> LockedAtAsync(SelfServicePerson person) =>
        app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.LockedAt).SingleAsync());
}
