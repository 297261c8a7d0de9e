using System.Net;
using System.Net.Http.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Virtual;

/// <summary>The virtual (self-service) unlock end to end: real lockout, real PostgreSQL, the link over real SMTP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VirtualUnlockTests(SharedPostgresApp app)
{
    private const string Api = "/api/v1/unlock/virtual";

    [Fact]
    public async Task LockedOut_VirtualUnlock_MailedLinkSetsNewClaveUnlocksAndSignsIn()
    {
        using var client = app.CreateClient();
        var (who, _) = await Flows.ActiveAffiliateAsync(app, client);
        for (var i = 0; i < 3; i++)
        {
            await Flows.SignInAsync(client, who.Identification, "equivocada-" + i);
        }

        Assert.Equal(HttpStatusCode.Locked, (await Flows.SignInAsync(client, who.Identification, "equivocada-4")).StatusCode);
        var before = SelfServiceFlows.MailsTo(app, who.Email);

        var requested = await SelfServiceFlows.VirtualAsync(app, client, who);

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var accepted = await requested.Content.ReadFromJsonAsync<AcceptedBody>();
        Assert.True(accepted!.Unlocks);
        Assert.StartsWith(who.Email[..2] + "*", accepted.MaskedEmail);
        var mail = await SelfServiceFlows.NextMailAsync(app, who.Email, before, "Desbloquee su clave del IESS");
        var token = SelfServiceFlows.TokenFrom(mail, SelfServiceFlows.UnlockPath);

        var inspected = await client.PostAsJsonAsync(Api + "/link/inspect", new { token });
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);
        var link = await inspected.Content.ReadFromJsonAsync<LinkBody>();
        Assert.Equal((3, true), (link!.SecurityImage.Id, link.Unlocks));

        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, token, "Nevado-Cayambe-Libre-2931")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, who.Identification, "Nevado-Cayambe-Libre-2931")).StatusCode);

        var changed = await SelfServiceFlows.NextMailAsync(app, who.Email, before, "Su clave del IESS fue cambiada");
        Assert.Contains("quedó desbloqueada", changed.TextBody);
        await AssertUnlockedByVirtualCaseAsync(who);
    }

    [Fact]
    public async Task TwoRightProofsAtOnce_BothGetAnAnswer_AndShareOneCase()
    {
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        var answers = await Task.WhenAll(
            SelfServiceFlows.VirtualAsync(app, first, person.Who),
            SelfServiceFlows.VirtualAsync(app, second, person.Who));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AccountId == person.AccountId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.AccountId == person.AccountId && t.Purpose == TokenPurpose.VirtualUnlock && t.RevokedAt == null)));
    }

    /// <summary>
    /// The race of two right proofs, made deterministic: another transaction holds the account (as a first proof
    /// does while it writes its link) and commits a live link; the proof waits for it and then revokes that link.
    /// Without the account lock the proof would not wait, and two live links would remain.
    /// </summary>
    [Fact]
    public async Task AProofWhileAnotherHoldsTheAccount_WaitsForIt_AndRevokesTheLinkItWrote()
    {
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        await using var other = new Npgsql.NpgsqlConnection(app.Database.ConnectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM clave_accounts WHERE \"Id\" = @id FOR UPDATE", other, tx))
        {
            lockRow.Parameters.AddWithValue("id", person.AccountId);
            await lockRow.ExecuteNonQueryAsync();
        }

        using var client = app.CreateClient();
        var proof = SelfServiceFlows.VirtualAsync(app, client, person.Who);
        var waited = await Task.WhenAny(proof, Task.Delay(TimeSpan.FromSeconds(1))) != proof;
        await using (var insert = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO account_tokens ("Id", "AccountId", "Purpose", "TokenHash", "IssuedAt", "ExpiresAt")
            VALUES (@id, @account, @purpose, @hash, now(), now() + interval '15 minutes')
            """, other, tx))
        {
            insert.Parameters.AddWithValue("id", Guid.NewGuid());
            insert.Parameters.AddWithValue("account", person.AccountId);
            insert.Parameters.AddWithValue("purpose", (int)TokenPurpose.VirtualUnlock);
            insert.Parameters.AddWithValue("hash", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            await insert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        using var answer = await proof;

        Assert.True(waited, "the proof waited for the transaction holding the account");
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.AccountId == person.AccountId && t.Purpose == TokenPurpose.VirtualUnlock && t.RevokedAt == null)));
    }

    [Fact]
    public async Task NotLockedAccount_VirtualProof_SendsARecoveryLinkThatDoesNotOpenACase()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: false);
        var before = SelfServiceFlows.MailsTo(app, person.Who.Email);

        var requested = await SelfServiceFlows.VirtualAsync(app, client, person.Who);

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.False((await requested.Content.ReadFromJsonAsync<AcceptedBody>())!.Unlocks);
        var token = SelfServiceFlows.TokenFrom(await SelfServiceFlows.NextMailAsync(app, person.Who.Email, before, "Recupere su clave del IESS"), SelfServiceFlows.RecoveryPath);
        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, "/api/v1/recovery", token, "Rio-Guayas-Manglar-3390")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AccountId == person.AccountId)));
    }

    [Fact]
    public async Task SecondProof_RevokesTheFirstLink()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var first = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);
        var second = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, person.Who);

        Assert.Equal(HttpStatusCode.Gone, (await SelfServiceFlows.CompleteAsync(client, Api, first, "Cuenca-Rio-Tomebamba-44")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SelfServiceFlows.CompleteAsync(client, Api, second, "Cuenca-Rio-Tomebamba-44")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AccountId == person.AccountId)));
    }

    private async Task AssertUnlockedByVirtualCaseAsync(TestAffiliate who)
    {
        var account = await app.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Affiliate.Identification == who.Identification));
        Assert.Null(account.LockedAt);
        Assert.Equal(0, account.FailedSignInCount);
        var ledger = await app.WithDbAsync(db => db.LockoutLedger.Where(l => l.AccountId == account.Id).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal([LockoutChange.Locked, LockoutChange.Reset], ledger.Select(l => l.Change));
        Assert.Equal("verified-unlock:Virtual", ledger[1].Cause);
        Assert.Null(ledger[1].AgentId);
        var unlockCase = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.AccountId == account.Id));
        Assert.Equal((CaseChannel.Virtual, CaseStatus.Unlocked, unlockCase.Id), (unlockCase.Channel, unlockCase.Status, ledger[1].CaseId!.Value));
        Assert.NotNull(unlockCase.ClosedAt);
        var checks = await app.WithDbAsync(db => db.CaseChecks.Where(c => c.CaseId == unlockCase.Id).ToListAsync());
        Assert.Equal([CheckKind.BirthDate, CheckKind.SecurityAnswer], checks.Select(c => c.Kind).Order());
        Assert.All(checks, c => Assert.True(c.Passed && c.AgentId is null));
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.AccountId == account.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.SelfServiceLinkSent, audit);
        Assert.Contains(AuditActions.ClaveReplaced, audit);
        Assert.Contains(AuditActions.CaseUnlocked, audit);
    }

    private sealed record AcceptedBody(string MaskedEmail, bool Unlocks);

    private sealed record LinkBody(ImageBody SecurityImage, DateTimeOffset ExpiresAt, bool Unlocks);

    private sealed record ImageBody(int Id, string Name);
}
