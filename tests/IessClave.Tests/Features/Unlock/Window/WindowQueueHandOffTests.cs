using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Window;

/// <summary>Someone waiting for a video call who is served at a window leaves the line: nobody calls them twice.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WindowQueueHandOffTests(SharedPostgresApp app)
{
    [Fact]
    public async Task OpeningTheCaseAtAWindow_TakesTheirWaitingTicketOutOfTheLine_AndEveryoneBehindMovesUp()
    {
        await QueueTestSupport.DrainAsync(app);
        var atWindow = await WindowTestData.NewLockedAsync(app);
        await using var waiting = await AffiliateQueueClient.JoinAsync(app, atWindow.Locked);
        await using var behind = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        await Eventually.TrueAsync(() => behind.Follower.Position == 2, "the second person waits second");
        using var desk = await WindowDesk.SignInAsync(app);

        var caseId = await desk.OpenAsync(atWindow.Identification);

        await Eventually.TrueAsync(() => waiting.Follower.Status == nameof(TicketStatus.Left), "their queue page says they left the line");
        await Eventually.TrueAsync(() => behind.Follower.Position == 1, "the person behind moved up");
        Assert.Equal(1, await QueueTestData.PositionInDatabaseAsync(app, behind.Joined.Ticket));
        var ticket = await app.WithDbAsync(db => db.QueueTickets.SingleAsync(t => t.Id == waiting.Joined.Ticket));
        Assert.Equal(TicketStatus.Left, ticket.Status);
        var left = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.QueueLeft && e.AccountId == atWindow.AccountId));
        Assert.Equal((AuditActors.Agent, desk.Id.ToString()), (left.ActorType, left.ActorId));
        Assert.Contains("served-at-window", left.Detail, StringComparison.Ordinal);
        var windowCase = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal((CaseChannel.Window, desk.Id), (windowCase.Channel, windowCase.AgentId!.Value));
    }

    [Fact]
    public async Task OpeningTheCaseAtAWindow_WithoutATicket_LeavesTheLineAlone()
    {
        await QueueTestSupport.DrainAsync(app);
        var atWindow = await WindowTestData.NewLockedAsync(app);
        await using var other = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        using var desk = await WindowDesk.SignInAsync(app);

        await desk.OpenAsync(atWindow.Identification);

        Assert.Equal(TicketStatus.Waiting, await app.WithDbAsync(db => db.QueueTickets.Where(t => t.Id == other.Joined.Ticket).Select(t => t.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.QueueLeft && e.AccountId == atWindow.AccountId)));
    }

    [Fact]
    public async Task JoiningTheVideoLine_WhileServedAtAWindow_IsRefused_UntilTheWindowHoldLapses()
    {
        var atWindow = await WindowTestData.NewLockedAsync(app);
        using var desk = await WindowDesk.SignInAsync(app);
        await desk.OpenAsync(atWindow.Identification);

        using var refused = await AffiliateQueueClient.PostJoinAsync(app, atWindow.Locked);
        var problem = await refused.Content.ReadAsStringAsync();
        var ticketsWhileHeld = await app.WithDbAsync(db => db.QueueTickets.CountAsync(t => t.AccountId == atWindow.AccountId));
        app.Time.Advance(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IessClave.Web.Features.Unlock.Window.WindowOptions>>().Value.HoldTimeout);
        using var later = await AffiliateQueueClient.PostJoinAsync(app, atWindow.Locked);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Te están atendiendo en una ventanilla", problem, StringComparison.Ordinal);
        Assert.Contains("identification", problem, StringComparison.Ordinal);
        Assert.Equal(0, ticketsWhileHeld);
        Assert.Equal(System.Net.HttpStatusCode.Created, later.StatusCode);
    }
}
