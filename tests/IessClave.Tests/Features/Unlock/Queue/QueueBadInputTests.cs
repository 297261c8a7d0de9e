using System.Net;
using System.Text.Json;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Features.Unlock.Queue;

[Collection(PostgresCollection.Name)]
public sealed class QueueBadInputTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Join_UnknownIdAndWrongBirthDate_GetTheSameAnswer()
    {
        var known = await QueueTestData.NewLockedAsync(app);
        var unknown = known with { Identification = TestIdentities.NewCedula() };

        var wrongDate = await AffiliateQueueClient.PostJoinAsync(app, known, birthDate: "1970-01-01");
        var unknownId = await AffiliateQueueClient.PostJoinAsync(app, unknown);

        Assert.Equal(HttpStatusCode.BadRequest, wrongDate.StatusCode);
        Assert.Equal(wrongDate.StatusCode, unknownId.StatusCode);
        Assert.Equal(Detail(await wrongDate.Content.ReadAsStringAsync()), Detail(await unknownId.Content.ReadAsStringAsync()));
        Assert.Contains("no coinciden", Detail(await unknownId.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Join_WithAnAccountThatIsNotLocked_IsRefusedAfterTheProof()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        await app.WithDbAsync(async db =>
        {
            var account = await db.Accounts.FindAsync(who.AccountId);
            account!.LockedAt = null;
            return await db.SaveChangesAsync();
        });

        var response = await AffiliateQueueClient.PostJoinAsync(app, who);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no está bloqueada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Join_SixthTryForOneId_IsThrottled()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await AffiliateQueueClient.PostJoinAsync(app, who, birthDate: $"1970-01-0{i + 1}")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Append(HttpStatusCode.TooManyRequests), codes);
    }

    [Fact]
    public async Task QueueHub_WithoutATicketCookie_RefusesTheConnection()
    {
        await using var anonymous = HubConnections.Create(app, QueueFeature.AffiliateHubPath, cookie: "");

        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
    }

    [Fact]
    public async Task QueueHub_WithATamperedCookie_RefusesTheConnection()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        await using var real = await AffiliateQueueClient.JoinAsync(app, who, connect: false);
        var tampered = real.Cookie[..^6] + "AAAAAA";
        await using var forged = HubConnections.Create(app, QueueFeature.AffiliateHubPath, tampered);

        await Assert.ThrowsAnyAsync<Exception>(() => forged.StartAsync());
    }

    [Fact]
    public async Task Leave_ActsOnlyOnTheCallersOwnTicket()
    {
        await QueueTestSupport.DrainAsync(app);
        await using var alice = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        await using var bob = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));

        var left = await bob.Hub!.InvokeAsync<TicketSnapshot>("Leave");

        Assert.Equal(nameof(TicketStatus.Left), left.Status);
        Assert.Equal(bob.Joined.Ticket, left.Ticket);
        Assert.Equal(1, await QueueTestData.PositionInDatabaseAsync(app, alice.Joined.Ticket));
    }

    [Fact]
    public async Task QueueHub_OversizedMessage_ClosesTheConnection()
    {
        await using var client = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        var closed = new TaskCompletionSource();
        client.Hub!.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => client.Hub.InvokeAsync<TicketSnapshot>("Resync", new string('x', 64 * 1024)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, client.Hub.State);
    }

    private static string Detail(string json) => JsonDocument.Parse(json).RootElement.GetProperty("detail").GetString()!;
}
