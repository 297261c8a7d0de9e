using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using MimeKit;

namespace IessClave.Tests.Support;

public sealed record SelfServicePerson(TestAffiliate Who, Guid AccountId, string Clave);

/// <summary>The virtual-unlock and forgotten-clave steps through the JSON API, and their links out of the mail.</summary>
public static partial class SelfServiceFlows
{
    public const string Answer = "Firulais";
    public const int QuestionId = 1;
    public const string UnlockPath = "/desbloquear/virtual/enlace";
    public const string RecoveryPath = "/clave/recuperar/enlace";

    /// <summary>An active account made in the database with a known clave, question 1 and answer "Firulais".</summary>
    public static async Task<SelfServicePerson> AccountAsync(PostgresApp app, bool locked)
    {
        var who = await app.NewAffiliateAsync();
        const string clave = "Clave-Anterior-Olvidada-51";
        var now = app.Time.GetUtcNow();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var affiliate = db.Affiliates.Single(a => a.Identification == who.Identification);
        var account = new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = affiliate.Id, Status = AccountStatus.Active, PasswordHash = app.Hasher.Hash(clave),
            SecurityImageId = 8, SecurityQuestionId = QuestionId, SecurityAnswerHash = app.Hasher.HashAnswer(Answer),
            MobilePhone = "0991234567", Email = who.Email, Culture = "es", CreatedAt = now, ActivatedAt = now,
            FailedSignInCount = locked ? 3 : 0, LockedAt = locked ? now : null, LockoutCause = locked ? LockoutCause.TooManyFailedSignIns : null,
        };
        db.Accounts.Add(account);
        if (locked)
        {
            db.LockoutLedger.Add(new LockoutEntry { AccountId = account.Id, Change = LockoutChange.Locked, Cause = "TooManyFailedSignIns", At = now });
        }

        await db.SaveChangesAsync();
        return new SelfServicePerson(who, account.Id, clave);
    }

    public static async Task<Dictionary<string, object?>> ProofAsync(PostgresApp app, HttpClient client, string identification, DateOnly birthDate) => new()
    {
        ["identification"] = identification,
        ["birthDate"] = birthDate.ToString("yyyy-MM-dd"),
        ["securityQuestionId"] = QuestionId,
        ["securityAnswer"] = Answer,
        ["robotProof"] = await app.RobotProofAsync(client),
    };

    public static Task<HttpResponseMessage> VirtualAsync(PostgresApp app, HttpClient client, TestAffiliate who, Action<Dictionary<string, object?>>? change = null) =>
        PostProofAsync(app, client, "/api/v1/unlock/virtual", who.Identification, who.BirthDate, change);

    public static Task<HttpResponseMessage> RecoveryAsync(PostgresApp app, HttpClient client, TestAffiliate who, Action<Dictionary<string, object?>>? change = null) =>
        PostProofAsync(app, client, "/api/v1/recovery", who.Identification, who.BirthDate, change);

    public static async Task<HttpResponseMessage> PostProofAsync(
        PostgresApp app, HttpClient client, string path, string identification, DateOnly birthDate, Action<Dictionary<string, object?>>? change = null)
    {
        var body = await ProofAsync(app, client, identification, birthDate);
        change?.Invoke(body);
        return await client.PostAsJsonAsync(path, body);
    }

    public static int MailsTo(PostgresApp app, string email) => app.Smtp.Messages.Count(m => Flows.IsTo(m, email));

    /// <summary>
    /// Waits for the first mail to <paramref name="email"/> after its first <paramref name="before"/> mails (with
    /// <paramref name="subject"/>, when given: mails sent by jobs may arrive in any order) and returns it.
    /// </summary>
    public static async Task<MimeMessage> NextMailAsync(PostgresApp app, string email, int before, string? subject = null)
    {
        MimeMessage? Find() => app.Smtp.Messages.Where(m => Flows.IsTo(m, email)).Skip(before).FirstOrDefault(m => subject is null || m.Subject == subject);
        await app.Smtp.WaitForMessageAsync(_ => Find() is not null, Flows.MailTimeout);
        return Find()!;
    }

    public static string TokenFrom(MimeMessage mail, string path)
    {
        var match = Regex.Match(mail.TextBody ?? "", Regex.Escape(path) + @"\?t=(?<t>[A-Za-z0-9_-]{43})");
        Assert.True(match.Success, $"The mail has no {path} link: " + mail.TextBody);
        return match.Groups["t"].Value;
    }

    /// <summary>Proves the identity on the virtual-unlock API and returns the token of the mailed link.</summary>
    public static async Task<string> VirtualUnlockTokenAsync(PostgresApp app, HttpClient client, TestAffiliate who)
    {
        var before = MailsTo(app, who.Email);
        var response = await VirtualAsync(app, client, who);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return TokenFrom(await NextMailAsync(app, who.Email, before, "Desbloquee su clave del IESS"), UnlockPath);
    }

    public static async Task<string> RecoveryTokenAsync(PostgresApp app, HttpClient client, TestAffiliate who, string path = RecoveryPath)
    {
        var before = MailsTo(app, who.Email);
        var response = await RecoveryAsync(app, client, who);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return TokenFrom(await NextMailAsync(app, who.Email, before, path == UnlockPath ? "Desbloquee su clave del IESS" : "Recupere su clave del IESS"), path);
    }

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string api, string token, string clave) =>
        client.PostAsJsonAsync(api + "/link", new { token, clave, claveConfirmation = clave });

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
