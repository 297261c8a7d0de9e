using System.Net;
using System.Text.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Features.Unlock.Virtual;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Virtual;

/// <summary>Wrong answers on the virtual unlock: one answer for every wrong part, counted, closing the way after 3.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VirtualUnlockAnswerTests(SharedPostgresApp app)
{
    private const string Api = "/api/v1/unlock/virtual";

    public static TheoryData<string> WrongParts => ["birthDate", "question", "answer"];

    [Theory]
    [MemberData(nameof(WrongParts))]
    public async Task WrongPartOfTheProof_GetsTheSameNoMatchAnswer_CountsOneAndMailsNothing(string wrongPart)
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);

        var response = await SelfServiceFlows.VirtualAsync(app, client, person.Who, Spoil(wrongPart));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SelfServiceFlows.ProblemAsync(response);
        Assert.Equal(SelfServiceTexts.NoMatchTitle, problem.GetProperty("title").GetString());
        Assert.Equal(SelfServiceTexts.NoMatch(2), problem.GetProperty("detail").GetString());
        Assert.Equal(2, problem.GetProperty("attemptsLeft").GetInt32());
        Assert.False(problem.TryGetProperty("errors", out _), "no field is named as the wrong one");
        Assert.Equal(1, await FailuresAsync(person.Who.Identification));
        Assert.NotNull(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == person.AccountId).Select(a => a.LockedAt).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == person.AccountId)));
        Assert.Contains(AuditActions.SelfServiceProofFailed, await AuditAsync(person.AccountId));
    }

    [Fact]
    public async Task ThirdWrongProof_ClosesTheWay_AndTheRightProofIsThenRefusedWithoutHashing()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var codes = new List<HttpStatusCode>();
        foreach (var part in new[] { "answer", "birthDate", "answer" })
        {
            codes.Add((await SelfServiceFlows.VirtualAsync(app, client, person.Who, Spoil(part))).StatusCode);
        }

        var hashesBefore = app.Hasher.Verifications;
        var right = await SelfServiceFlows.VirtualAsync(app, client, person.Who);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden], codes);
        Assert.Equal(HttpStatusCode.Forbidden, right.StatusCode);
        Assert.Equal(hashesBefore, app.Hasher.Verifications);
        var problem = await SelfServiceFlows.ProblemAsync(right);
        Assert.Equal(SelfServiceTexts.ClosedTitle, problem.GetProperty("title").GetString());
        Assert.Equal(["videollamada", "presencial"], problem.GetProperty("unlockOptions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == person.AccountId)));
        var audit = await AuditAsync(person.AccountId);
        Assert.Equal(1, audit.Count(a => a == AuditActions.SelfServiceClosed));
        Assert.Equal(1, audit.Count(a => a == AuditActions.SelfServiceRefused));
    }

    [Fact]
    public async Task UnknownIdentification_AnswersExactlyLikeAKnownOneWithWrongData_AtTheSameHashCost()
    {
        using var client = app.CreateClient();
        var known = await SelfServiceFlows.AccountAsync(app, locked: true);
        var unknown = new TestAffiliate(TestIdentities.NewCedula(), "Nadie", known.Who.BirthDate);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var (knownAnswer, knownCost) = await TimedAsync(() => SelfServiceFlows.VirtualAsync(app, client, known.Who, Spoil("answer")));
            var (unknownAnswer, unknownCost) = await TimedAsync(() => SelfServiceFlows.VirtualAsync(app, client, unknown));

            Assert.Equal(knownAnswer.StatusCode, unknownAnswer.StatusCode);
            Assert.Equal(Shape(await SelfServiceFlows.ProblemAsync(knownAnswer)), Shape(await SelfServiceFlows.ProblemAsync(unknownAnswer)));
            Assert.Equal(attempt <= 3 ? 1 : 0, knownCost);
            Assert.Equal(knownCost, unknownCost);
        }
    }

    [Fact]
    public async Task VerifiedUnlockByAnAgent_ReopensTheClosedVirtualWay()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        for (var i = 0; i < 3; i++)
        {
            await SelfServiceFlows.VirtualAsync(app, client, person.Who, Spoil("answer"));
        }

        Assert.Equal(3, await FailuresAsync(person.Who.Identification));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
            var unlockCase = new UnlockCase { Id = Guid.NewGuid(), AccountId = person.AccountId, Channel = CaseChannel.Window, Status = CaseStatus.Open, OpenedAt = app.Time.GetUtcNow() };
            db.Cases.Add(unlockCase);
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync(); // as every caller does
            await scope.ServiceProvider.GetRequiredService<AccountUnlocker>().UnlockAsync(unlockCase, Guid.NewGuid(), AuditActors.Agent, null, CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.Equal(0, await FailuresAsync(person.Who.Identification));
        Assert.Equal(HttpStatusCode.Accepted, (await SelfServiceFlows.VirtualAsync(app, client, person.Who)).StatusCode);
    }

    [Fact]
    public async Task FormatErrors_AreNamedPerField_AndCountNothing()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var cases = new (string Field, Action<Dictionary<string, object?>> Change)[]
        {
            ("identification", b => b["identification"] = TestIdentities.WithWrongCheckDigit(person.Who.Identification)),
            ("birthDate", b => b["birthDate"] = "30/02/1980"),
            ("securityQuestionId", b => b["securityQuestionId"] = 0),
            ("securityAnswer", b => b["securityAnswer"] = "   "),
            ("robotProof", b => b["robotProof"] = "no-soy-un-robot"),
        };

        foreach (var (field, change) in cases)
        {
            var response = await SelfServiceFlows.VirtualAsync(app, client, person.Who, change);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await SelfServiceFlows.ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, await FailuresAsync(person.Who.Identification));
    }

    [Fact]
    public async Task SameIdentification_SixthTryWithinTheWindow_IsTooManyRequests()
    {
        using var client = app.CreateClient();
        var unknown = new TestAffiliate(TestIdentities.NewCedula(), "Nadie", new DateOnly(1970, 1, 1));
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await SelfServiceFlows.VirtualAsync(app, client, unknown)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.BadRequest, (await SelfServiceFlows.VirtualAsync(app, client, new TestAffiliate(TestIdentities.NewCedula(), "Otro", new DateOnly(1970, 1, 1)))).StatusCode);
    }

    public static Action<Dictionary<string, object?>> Spoil(string part) => part switch
    {
        "birthDate" => b => b["birthDate"] = "1950-01-02",
        "question" => b => b["securityQuestionId"] = 2,
        _ => b => b["securityAnswer"] = "Michi",
    };

    private async Task<(HttpResponseMessage Response, long Hashes)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var before = app.Hasher.Verifications;
        var response = await call();
        return (response, app.Hasher.Verifications - before);
    }

    private static string Shape(JsonElement problem) =>
        $"{problem.GetProperty("status")}|{problem.GetProperty("title")}|{problem.GetProperty("detail")}|"
        + (problem.TryGetProperty("attemptsLeft", out var left) ? left.ToString() : "-");

    private Task<int> FailuresAsync(string identification) =>
        app.WithDbAsync(db => db.SelfServiceCounters.Where(c => c.IdentificationHash == SelfServiceCounters.KeyOf(identification)).Select(c => c.Failures).SingleOrDefaultAsync());

    private Task<List<string>> AuditAsync(Guid accountId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.AccountId == accountId).Select(e => e.Action).ToListAsync());
}
