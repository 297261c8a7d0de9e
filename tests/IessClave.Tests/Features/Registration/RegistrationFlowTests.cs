using System.Net;
using System.Net.Http.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Registration;

[Collection(PostgresCollection.Name)]
public sealed class RegistrationFlowTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Registration_ThroughMailAndActivation_LetsTheAffiliateSignIn()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync(fullName: "María <script>alert(1)</script> Guamán");

        var token = await Flows.RegisterAndReadTokenAsync(app, client, who);
        var mail = Flows.LatestTo(app, who.Email)!;
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Equal(1, mail.Headers.Count(h => h.Field == "Message-Id"));

        var inspect = await client.PostAsJsonAsync("/api/v1/activations/inspect", new { token });
        Assert.Equal(HttpStatusCode.OK, inspect.StatusCode);
        var link = await inspect.Content.ReadFromJsonAsync<LinkBody>();
        Assert.Equal(3, link!.SecurityImage.Id);
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(15), link.ExpiresAt, TimeSpan.FromMilliseconds(1));

        Assert.Equal(HttpStatusCode.NoContent, (await Flows.ActivateAsync(client, token, "Volcan-Cotopaxi-5897")).StatusCode);
        var signIn = await Flows.SignInAsync(client, who.Identification, "Volcan-Cotopaxi-5897");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var me = await client.GetFromJsonAsync<MeBody>("/api/v1/me");
        Assert.Equal(who.FullName, me!.FullName);
        Assert.StartsWith(who.Email[..2], me.MaskedEmail);
        Assert.DoesNotContain(who.Email, me.MaskedEmail);

        var account = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Affiliate.Identification == who.Identification));
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.DoesNotContain("Volcan", account.PasswordHash);
        Assert.DoesNotContain("firulais", account.SecurityAnswerHash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ActivationLink_At14m59s999_IsAccepted()
    {
        using var client = app.CreateClient();
        var token = await Flows.RegisterAndReadTokenAsync(app, client, await app.NewAffiliateAsync());

        app.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(1));

        Assert.Equal(HttpStatusCode.NoContent, (await Flows.ActivateAsync(client, token, "Laguna-Quilotoa-3914")).StatusCode);
    }

    [Fact]
    public async Task ActivationLink_At15m00s000_IsRefusedAsExpired()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var token = await Flows.RegisterAndReadTokenAsync(app, client, who);

        app.Time.Advance(TimeSpan.FromMinutes(15));

        var response = await Flows.ActivateAsync(client, token, "Laguna-Quilotoa-3914");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var account = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Affiliate.Identification == who.Identification));
        Assert.Null(account.PasswordHash);
        Assert.Equal(AccountStatus.PendingActivation, account.Status);
    }

    [Fact]
    public async Task ActivationLink_UsedTwice_IsRefusedTheSecondTime()
    {
        using var client = app.CreateClient();
        var token = await Flows.RegisterAndReadTokenAsync(app, client, await app.NewAffiliateAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Flows.ActivateAsync(client, token, "Rio-Napo-Amazonia-77")).StatusCode);
        var second = await Flows.ActivateAsync(client, token, "Otra-Clave-Distinta-88");

        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("usado", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SecondRegistration_WhilePending_InvalidatesTheFirstLink()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var first = await Flows.RegisterAndReadTokenAsync(app, client, who);
        var second = await Flows.RegisterAndReadTokenAsync(app, client, who);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Gone, (await Flows.ActivateAsync(client, first, "Isla-Isabela-Galapagos")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Flows.ActivateAsync(client, second, "Isla-Isabela-Galapagos")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Affiliate.Identification == who.Identification)));
    }

    [Fact]
    public async Task ExpiredLink_Resend_MailsAFreshLinkThatWorks()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var old = await Flows.RegisterAndReadTokenAsync(app, client, who);
        app.Time.Advance(TimeSpan.FromMinutes(16));
        var mailsBefore = app.Smtp.Messages.Count(m => Flows.IsTo(m, who.Email));

        var resend = await client.PostAsJsonAsync("/api/v1/activations/resend", new { token = old });

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        await app.Smtp.WaitForMessageAsync(_ => app.Smtp.Messages.Count(m => Flows.IsTo(m, who.Email)) > mailsBefore, Flows.MailTimeout);
        var fresh = Flows.TokenFrom(Flows.LatestTo(app, who.Email)!);
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NoContent, (await Flows.ActivateAsync(client, fresh, "Volcan-Tungurahua-5023")).StatusCode);
    }

    [Fact]
    public async Task Submit_PressedThreeTimesAtOnce_MakesOneAccount_WithOneLiveLink()
    {
        var who = await app.NewAffiliateAsync();
        var clients = Enumerable.Range(0, 3).Select(_ => app.CreateClient()).ToList();

        var answers = await Task.WhenAll(clients.Select(c => Flows.RegisterAsync(app, c, who)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Affiliate.Identification == who.Identification)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.Account.Affiliate.Identification == who.Identification && t.UsedAt == null && t.RevokedAt == null)));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ExpiredLink_ResendClickedFourTimesAtOnce_SendsOneLink_TheOthersHearTooSoon()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var old = await Flows.RegisterAndReadTokenAsync(app, client, who);
        app.Time.Advance(TimeSpan.FromMinutes(16));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync("/api/v1/activations/resend", new { token = old })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.Account.Affiliate.Identification == who.Identification && t.UsedAt == null && t.RevokedAt == null)));
    }

    [Fact]
    public async Task ExpireTokenJob_AfterExpiry_MarksTheTokenAndIsSafeToRunTwice()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        await Flows.RegisterAndReadTokenAsync(app, client, who);
        var tokenId = await app.WithDbAsync(db => db.Tokens.Where(t => t.Account.Affiliate.Identification == who.Identification).Select(t => t.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<IessClave.Web.Infrastructure.Security.ExpireTokenJob>();

        Assert.False(await job.RunAsync(tokenId, CancellationToken.None));
        app.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.True(await job.RunAsync(tokenId, CancellationToken.None));
        Assert.False(await job.RunAsync(tokenId, CancellationToken.None));
        Assert.NotNull(await app.WithDbAsync(db => db.Tokens.Where(t => t.Id == tokenId).Select(t => t.ExpiredMarkedAt).SingleAsync()));
    }

    private sealed record LinkBody(ImageBody SecurityImage, DateTimeOffset ExpiresAt);

    private sealed record ImageBody(int Id, string Name);

    private sealed record MeBody(string FullName, string MaskedEmail);
}
