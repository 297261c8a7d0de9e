using System.Net;
using System.Net.Http.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Virtual;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Recovery;

/// <summary>Forgotten clave (/clave/recuperar): the same proof, one answer for everyone, the link over real SMTP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecoveryTests(SharedPostgresApp app)
{
    private const string Api = "/api/v1/recovery";

    [Fact]
    public async Task ForgottenClave_LinkSetsANewClave_TheOldOneStopsWorking_AndAClaveChangedMailArrives()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: false);
        var before = SelfServiceFlows.MailsTo(app, person.Who.Email);
        var token = await SelfServiceFlows.RecoveryTokenAsync(app, client, person.Who);

        var inspected = await client.PostAsJsonAsync(Api + "/link/inspect", new { token });
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);
        Assert.Contains("\"unlocks\":false", await inspected.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Mindo-Colibries-Bosque-77")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Flows.SignInAsync(client, person.Who.Identification, person.Clave)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, person.Who.Identification, "Mindo-Colibries-Bosque-77")).StatusCode);
        var changed = await SelfServiceFlows.NextMailAsync(app, person.Who.Email, before, "Su clave del IESS fue cambiada");
        Assert.DoesNotContain("desbloqueada", changed.TextBody);
        Assert.Contains("Si usted no hizo este cambio", changed.TextBody);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.AccountId == person.AccountId).Select(e => e.Action + " " + e.Detail).ToListAsync());
        Assert.Contains(audit, a => a.StartsWith(AuditActions.SelfServiceLinkSent + " way=Recovery;purpose=Recovery", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith(AuditActions.ClaveReplaced + " purpose=Recovery", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AccountId == person.AccountId)));
    }

    [Fact]
    public async Task Answer_IsTheSameForAMatchAMismatchAndAnUnknownIdentification_AtTheSameHashCost()
    {
        using var client = app.CreateClient();
        var match = await SelfServiceFlows.AccountAsync(app, locked: false);
        var mismatch = await SelfServiceFlows.AccountAsync(app, locked: false);
        var unknown = new TestAffiliate(TestIdentities.NewCedula(), "Nadie", match.Who.BirthDate);

        var answers = new List<(HttpStatusCode Status, string Body, long Hashes)>();
        foreach (var (who, change) in new (TestAffiliate, Action<Dictionary<string, object?>>?)[]
                 { (match.Who, null), (mismatch.Who, b => b["securityAnswer"] = "Michi"), (unknown, null) })
        {
            var hashes = app.Hasher.Verifications;
            var response = await SelfServiceFlows.RecoveryAsync(app, client, who, change);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), app.Hasher.Verifications - hashes));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Accepted, answers[0].Body, 1L), a));
        Assert.Contains("Si los datos coinciden", answers[0].Body);
        await SelfServiceFlows.NextMailAsync(app, match.Who.Email, 0, "Recupere su clave del IESS");
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == mismatch.AccountId)));
    }

    [Fact]
    public async Task WrongProofs_AreCountedToo_AfterThreeTheRightProofMailsNothingAndTheVirtualWayIsClosed()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: false);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SelfServiceFlows.RecoveryAsync(app, client, person.Who, b => b["birthDate"] = "1951-05-05")).StatusCode);
        }

        var right = await SelfServiceFlows.RecoveryAsync(app, client, person.Who);

        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == person.AccountId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await SelfServiceFlows.VirtualAsync(app, client, person.Who)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, person.Who.Identification, person.Clave)).StatusCode);
    }

    [Fact]
    public async Task LockedAccount_FollowsTheVirtualUnlockRules_UnlockLinkAndAVirtualCase()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);

        var token = await SelfServiceFlows.RecoveryTokenAsync(app, client, person.Who, SelfServiceFlows.UnlockPath);
        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, "/api/v1/unlock/virtual", token, "Baños-Cascadas-Pailon-21")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, person.Who.Identification, "Baños-Cascadas-Pailon-21")).StatusCode);
        var unlockCase = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.AccountId == person.AccountId));
        Assert.Equal((CaseChannel.Virtual, CaseStatus.Unlocked), (unlockCase.Channel, unlockCase.Status));
    }

    [Fact]
    public async Task RecoveryLink_At14m59s999_IsAccepted()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: false);
        var token = await SelfServiceFlows.RecoveryTokenAsync(app, client, person.Who);

        app.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(1));

        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Otavalo-Mercado-Ponchos-8")).StatusCode);
    }

    [Fact]
    public async Task RecoveryLink_At15m00s000_IsRefusedAsExpired_AndTheOldClaveStillWorks()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: false);
        var token = await SelfServiceFlows.RecoveryTokenAsync(app, client, person.Who);

        app.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.Gone, (await client.PostAsJsonAsync(Api + "/link/inspect", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Otavalo-Mercado-Ponchos-8")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, person.Who.Identification, person.Clave)).StatusCode);
    }

    [Fact]
    public async Task RecoveryLink_UsedTwice_IsRefusedTheSecondTime()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: false);
        var token = await SelfServiceFlows.RecoveryTokenAsync(app, client, person.Who);

        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Vilcabamba-Longevos-900")).StatusCode);
        var second = await SelfServiceFlows.CompleteAsync(client, Api, token, "Otra-Distinta-Clave-901");

        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Equal("El enlace ya fue usado.", (await SelfServiceFlows.ProblemAsync(second)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task SameIdentification_SixthTryWithinTheWindow_IsTooManyRequests_KnownOrNot()
    {
        using var client = app.CreateClient();
        var known = await SelfServiceFlows.AccountAsync(app, locked: false);
        var unknown = new TestAffiliate(TestIdentities.NewCedula(), "Nadie", known.Who.BirthDate);

        foreach (var who in new[] { known.Who, unknown })
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 6; i++)
            {
                codes.Add((await SelfServiceFlows.RecoveryAsync(app, client, who, b => b["securityAnswer"] = "Michi")).StatusCode);
            }

            Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Append(HttpStatusCode.TooManyRequests), codes);
        }
    }

    [Fact]
    public async Task Pages_SignInLinksRecovery_AnyProofLeadsToTheSameSentPage()
    {
        using var client = app.CreateClient();
        Assert.Contains("href=\"/clave/recuperar\"", await client.GetStringAsync("/ingresar"));
        var form = await client.GetStringAsync("/clave/recuperar");
        Assert.Contains("<label for=\"SecurityQuestionId\">", form);

        var posted = await HtmlForms.PostAsync(client, form, "/clave/recuperar", new Dictionary<string, string?>
        {
            ["Identification"] = TestIdentities.NewCedula(), ["BirthDate"] = "1980-01-01", ["SecurityQuestionId"] = "3",
            ["SecurityAnswer"] = "Escuela Central", ["altcha"] = await app.RobotProofAsync(client),
        });

        Assert.Equal("/clave/recuperar/enviado", posted.Location?.OriginalString);
        Assert.Contains("Si los datos coinciden con una cuenta", await client.GetStringAsync(posted.Location));
        var noRobot = await HtmlForms.PostAsync(client, form, "/clave/recuperar", new Dictionary<string, string?>
        {
            ["Identification"] = TestIdentities.NewCedula(), ["BirthDate"] = "1980-01-01", ["SecurityQuestionId"] = "3", ["SecurityAnswer"] = "x",
        });
        Assert.Contains("<a href=\"#robot-check\">", noRobot.Html);
        Assert.Contains("id=\"robot-check-error\"", noRobot.Html);
        Assert.Contains(SelfServiceTexts.RecoverySent(TimeSpan.FromMinutes(15)), await client.GetStringAsync("/clave/recuperar/enviado"));
    }
}
