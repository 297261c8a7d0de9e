using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.SignIn;

[Collection(PostgresCollection.Name)]
public sealed class SignInLockoutTests(SharedPostgresApp app)
{
    [Fact]
    public async Task WrongClave_TwiceThenRight_SignsInAndResetsTheCounter()
    {
        using var client = app.CreateClient();
        var (who, clave) = await Flows.ActiveAffiliateAsync(app, client);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Flows.SignInAsync(client, who.Identification, "incorrecta-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Flows.SignInAsync(client, who.Identification, "incorrecta-2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, who.Identification, clave)).StatusCode);

        var account = await Account(who);
        Assert.Equal(0, account.FailedSignInCount);
        Assert.Null(account.LockedAt);
    }

    [Fact]
    public async Task WrongClave_ThirdConsecutiveTime_LocksAndMailsTheOwner()
    {
        using var client = app.CreateClient();
        var (who, clave) = await Flows.ActiveAffiliateAsync(app, client);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Flows.SignInAsync(client, who.Identification, "incorrecta-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Flows.SignInAsync(client, who.Identification, "incorrecta-2")).StatusCode);
        Assert.Null((await Account(who)).LockedAt);
        var third = await Flows.SignInAsync(client, who.Identification, "incorrecta-3");

        Assert.Equal(HttpStatusCode.Locked, third.StatusCode);
        var account = await Account(who);
        Assert.NotNull(account.LockedAt);
        Assert.Equal(LockoutCause.TooManyFailedSignIns, account.LockoutCause);
        Assert.Equal(HttpStatusCode.Locked, (await Flows.SignInAsync(client, who.Identification, clave)).StatusCode);

        var notice = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, who.Email) && (m.Subject ?? "").Contains("bloque", StringComparison.OrdinalIgnoreCase), Flows.MailTimeout);
        Assert.Contains("/desbloquear", notice.TextBody);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.AccountId == account.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == AuditActions.AccountLocked));
        Assert.Equal(3, audit.Count(a => a == AuditActions.SignInFailed));
    }

    [Fact]
    public async Task LockedAccount_SignIn_ComputesNoHash()
    {
        using var client = app.CreateClient();
        var (who, clave) = await Flows.ActiveAffiliateAsync(app, client);
        for (var i = 0; i < 3; i++)
        {
            await Flows.SignInAsync(client, who.Identification, "incorrecta-" + i);
        }

        var before = app.Hasher.Verifications;
        var response = await Flows.SignInAsync(client, who.Identification, clave);

        Assert.Equal(HttpStatusCode.Locked, response.StatusCode);
        Assert.Equal(before, app.Hasher.Verifications);
    }

    [Fact]
    public async Task UnknownIdentification_SignIn_CostsOneHashAndLooksLikeAWrongClave()
    {
        using var client = app.CreateClient();
        var (known, _) = await Flows.ActiveAffiliateAsync(app, client);
        var unknown = TestIdentities.NewCedula();

        var beforeKnown = app.Hasher.Verifications;
        var knownAnswer = await Flows.SignInAsync(client, known.Identification, "incorrecta");
        var knownCost = app.Hasher.Verifications - beforeKnown;
        var beforeUnknown = app.Hasher.Verifications;
        var unknownAnswer = await Flows.SignInAsync(client, unknown, "incorrecta");
        var unknownCost = app.Hasher.Verifications - beforeUnknown;

        Assert.Equal(1, knownCost);
        Assert.Equal(knownCost, unknownCost);
        Assert.Equal(knownAnswer.StatusCode, unknownAnswer.StatusCode);
        Assert.Equal(await ProblemTitle(knownAnswer), await ProblemTitle(unknownAnswer));
    }

    [Fact]
    public async Task UnknownIdentification_ThirdFailure_LooksLockedLikeARealAccount()
    {
        using var client = app.CreateClient();
        var unknown = TestIdentities.NewCedula();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await Flows.SignInAsync(client, unknown, "incorrecta")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Locked], answers);
    }

    [Fact]
    public async Task UnknownIdentification_OnceLookingLocked_ComputesNoHashLikeARealLockedAccount()
    {
        using var client = app.CreateClient();
        var unknown = TestIdentities.NewCedula();
        for (var i = 0; i < 3; i++)
        {
            await Flows.SignInAsync(client, unknown, "incorrecta");
        }

        var before = app.Hasher.Verifications;
        var fourth = await Flows.SignInAsync(client, unknown, "incorrecta");

        Assert.Equal(HttpStatusCode.Locked, fourth.StatusCode);
        Assert.Equal(before, app.Hasher.Verifications);
    }

    [Fact]
    public async Task ParallelWrongClaves_AreAllCounted()
    {
        using var client = app.CreateClient();
        var (who, _) = await Flows.ActiveAffiliateAsync(app, client);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Flows.SignInAsync(app.CreateClient(), who.Identification, "mal-" + i)));

        var account = await Account(who);
        Assert.NotNull(account.LockedAt);
        Assert.True(account.FailedSignInCount >= 3, $"counted {account.FailedSignInCount}");
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.AccountId == account.Id && e.Action == AuditActions.AccountLocked)));
    }

    [Fact]
    public async Task SignedOut_Me_IsUnauthorizedProblem()
    {
        using var client = app.CreateClient();
        var (who, clave) = await Flows.ActiveAffiliateAsync(app, client);
        await Flows.SignInAsync(client, who.Identification, clave);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await client.DeleteAsync("/api/v1/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private Task<ClaveAccount> Account(TestAffiliate who) =>
        app.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Affiliate.Identification == who.Identification));

    private static async Task<string?> ProblemTitle(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
}
