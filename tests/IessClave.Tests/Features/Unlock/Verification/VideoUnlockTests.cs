using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Features.Unlock.Verification;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Verification;

/// <summary>The whole video-call unlock through HTTP, real WebSocket hubs, real PostgreSQL and real SMTP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VideoUnlockTests(SharedPostgresApp app)
{
    [Fact]
    public async Task LockedAffiliate_VerifiedOnTheCall_GetsANewClaveLinkAndSignsInAgain()
    {
        await QueueTestSupport.DrainAsync(app);
        using var http = app.CreateClient();
        var (who, _) = await Flows.ActiveAffiliateAsync(app, http);
        for (var i = 0; i < 3; i++)
        {
            await Flows.SignInAsync(http, who.Identification, "equivocada-" + i);
        }

        var locked = new LockedAffiliate(await AccountIdAsync(who), who.Identification, who.BirthDate);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, locked);
        await using var agent = await AgentConsoleClient.ConnectAsync(app);

        var taken = await agent.TakeNextAsync();
        Assert.Equal(caller.Joined.Ticket, taken.Case!.Ticket);
        await Eventually.TrueAsync(() => LastChange(caller)?.OneTimeCode is not null, "the caller's page shows the one-time code");
        var code = LastChange(caller)!.OneTimeCode!;

        var wrongDate = await agent.CheckAsync(CheckKind.BirthDate, "01/01/1970");
        Assert.False(wrongDate.Matched);
        Assert.DoesNotContain(who.BirthDate.ToString("dd/MM/yyyy"), wrongDate.Message);
        Assert.True((await agent.CheckAsync(CheckKind.BirthDate, who.BirthDate.ToString("dd/MM/yyyy"))).Matched);
        Assert.True((await agent.CheckAsync(CheckKind.SecurityAnswer, "  firulais ")).Matched);
        Assert.True((await agent.CheckAsync(CheckKind.DocumentSerial, "s-123")).Matched);
        Assert.True((await agent.CheckAsync(CheckKind.OneTimeCode, code)).Matched);
        Assert.Equal(nameof(OutcomeResult.ChecksMissing), (await agent.Hub.InvokeAsync<AgentOutcomeReply>("Unlock")).Result);
        Assert.True(await agent.ConfirmAsync(CheckKind.FaceMatchesPhoto));
        Assert.True(await agent.ConfirmAsync(CheckKind.DocumentLooksGenuine));

        var unlocked = await agent.Hub.InvokeAsync<AgentOutcomeReply>("Unlock");

        Assert.Equal(nameof(OutcomeResult.Done), unlocked.Result);
        await Eventually.TrueAsync(() => LastChange(caller)?.Message?.Contains("desbloqueada") == true, "the caller's page says the clave was unlocked");
        var mail = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, who.Email) && (m.TextBody ?? "").Contains("/clave/nueva"), Flows.MailTimeout);
        var newClave = await SetNewClaveAsync(Flows.NewClaveTokenFrom(mail), "Nueva-Clave-Segura-8841");
        Assert.Equal("/clave/activada", newClave);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(http, who.Identification, "Nueva-Clave-Segura-8841")).StatusCode);
        var ledger = await app.WithDbAsync(db => db.LockoutLedger.Where(l => l.AccountId == locked.AccountId).OrderBy(l => l.Id).Select(l => l.Change).ToListAsync());
        Assert.Equal([LockoutChange.Locked, LockoutChange.Reset], ledger);
        Assert.Equal(CaseStatus.Unlocked, await app.WithDbAsync(db => db.Cases.Where(c => c.AccountId == locked.AccountId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Rejection_KeepsTheAccountLockedAndTellsTheCaller()
    {
        await QueueTestSupport.DrainAsync(app);
        var locked = await QueueTestData.NewLockedAsync(app);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, locked);
        await using var agent = await AgentConsoleClient.ConnectAsync(app);
        await agent.TakeNextAsync();

        var rejected = await agent.Hub.InvokeAsync<AgentOutcomeReply>("Reject", nameof(RejectionReason.ImpersonationSuspected));

        Assert.Equal(nameof(OutcomeResult.Done), rejected.Result);
        await Eventually.TrueAsync(() => LastChange(caller)?.Message?.Contains("sigue bloqueada") == true, "the caller hears the outcome");
        Assert.NotNull(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == locked.AccountId).Select(a => a.LockedAt).SingleAsync()));
        var unlockCase = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.AccountId == locked.AccountId));
        Assert.Equal((CaseStatus.Rejected, "ImpersonationSuspected"), (unlockCase.Status, unlockCase.ReasonCode));
        Assert.Equal(nameof(OutcomeResult.InvalidInput), (await agent.Hub.InvokeAsync<AgentOutcomeReply>("Reject", "Cualquiera")).Result);
    }

    [Fact]
    public async Task TypedCheck_AfterThreeWrongAnswers_IsClosedForTheCase()
    {
        await QueueTestSupport.DrainAsync(app);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        await using var agent = await AgentConsoleClient.ConnectAsync(app);
        await agent.TakeNextAsync();

        var replies = new List<AgentCheckReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await agent.CheckAsync(CheckKind.OneTimeCode, "00000" + i));
        }

        Assert.Equal([2, 1, 0, 0], replies.Select(r => r.AttemptsLeft));
        Assert.Contains("Se agotaron", replies[^1].Message);
        Assert.Equal(3, await app.WithDbAsync(db => db.CaseChecks.CountAsync(c => c.Kind == CheckKind.OneTimeCode && c.AgentId == agent.Id)));
    }

    [Fact]
    public async Task Checks_WithoutACaseOrWithABadKind_AreRefused()
    {
        await using var agent = await AgentConsoleClient.ConnectAsync(app);

        Assert.Contains("No tienes un caso activo", (await agent.CheckAsync(CheckKind.BirthDate, "01/01/1980")).Message);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => agent.Hub.InvokeAsync<AgentCheckReply>("Check", "Everything", "x"));
        Assert.Equal(nameof(OutcomeResult.NoCase), (await agent.Hub.InvokeAsync<AgentOutcomeReply>("Unlock")).Result);
    }

    private static TicketSnapshot? LastChange(AffiliateQueueClient caller)
    {
        lock (caller.Changes)
        {
            return caller.Changes.LastOrDefault();
        }
    }

    private Task<Guid> AccountIdAsync(TestAffiliate who) =>
        app.WithDbAsync(db => db.Accounts.Where(a => a.Affiliate.Identification == who.Identification).Select(a => a.Id).SingleAsync());

    private async Task<string?> SetNewClaveAsync(string token, string clave)
    {
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/clave/nueva?t=" + token);
        Assert.Contains("Crea tu nueva clave", page);
        var posted = await HtmlForms.PostAsync(client, page, "/clave/nueva", new Dictionary<string, string?> { ["t"] = token, ["Clave"] = clave, ["ClaveConfirmation"] = clave });
        return posted.Location?.OriginalString;
    }
}
