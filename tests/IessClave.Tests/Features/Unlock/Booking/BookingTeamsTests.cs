using IessClave.Tests.Support;
using IessClave.Tests.Support.FakeGraph;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Booking;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Booking;

/// <summary>The booking app with Meetings:Provider=Graph, the real Graph SDK talking to a local fake Graph server.</summary>
public sealed class BookingTeamsApp : BookingApp
{
    private FakeGraphServer? graph;

    public FakeGraphServer Graph => graph ?? throw new InvalidOperationException("Not started.");

    protected override async Task BeforeStartAsync() => graph = await FakeGraphServer.StartAsync();

    protected override IDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["Meetings:Provider"] = "Graph",
        ["Meetings:Graph:TenantId"] = FakeGraphServer.TenantId,
        ["Meetings:Graph:ClientId"] = FakeGraphServer.ClientId,
        ["Meetings:Graph:ClientSecret"] = FakeGraphServer.ClientSecret,
        ["Meetings:Graph:OrganizerUserId"] = FakeGraphServer.Organizer,
        ["Meetings:Graph:BaseUrl"] = Graph.BaseUrl,
        ["Meetings:Graph:AuthorityHost"] = Graph.AuthorityHost,
        ["Meetings:Graph:MaxRetries"] = "1",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<GraphHttpHandlerFactory>(Graph.CreateHandlerFactory());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (graph is not null)
        {
            await graph.DisposeAsync();
        }
    }
}

[Collection(BookingTests.Name)]
public sealed class BookingTeamsTests(BookingTeamsApp app) : IClassFixture<BookingTeamsApp>
{
    [Fact]
    public async Task Booking_WithTeams_InvitesTheAffiliateToAnEvent_AndTheCallUsesThatMeeting_AndCancellingCancelsIt()
    {
        await QueueTestSupport.DrainAsync(app);
        var who = await QueueTestData.NewLockedAsync(app);
        var email = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == who.AccountId).Select(a => a.Email).SingleAsync());
        var start = BookingApp.SlotStart(app.Monday, 9, 40);
        var before = app.Graph.GraphRequests.Count;
        var booked = await app.InScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(who.AccountId, BookingApp.Key(start), default));
        Assert.Equal(BookingOutcome.Booked, booked.Outcome);

        await app.MailAsync(email, "agendada");
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == booked.Booking!.Id));
        Assert.Equal(before + 1, app.Graph.GraphRequests.Count);
        var request = app.Graph.GraphRequests[^1];
        Assert.Equal($"POST /v1.0/users/{FakeGraphServer.Organizer}/events", request.ToString());
        var body = request.Json();
        Assert.Equal(booking.MeetingRequestId.ToString(), (string?)body["transactionId"]);
        Assert.Equal(email, (string?)body["attendees"]![0]!["emailAddress"]!["address"]);
        Assert.DoesNotContain(who.Identification, request.Body, StringComparison.Ordinal); // no personal data beyond the invitation itself
        Assert.Equal(MeetingKindValue.Teams, booking.MeetingKind);
        var stored = Assert.Single(app.Graph.Store.Events, e => (string?)e["id"] == booking.MeetingExternalId);

        // At the slot: the affiliate enters, an agent takes the call, and the call is the event's Teams meeting.
        app.Time.SetUtcNow(start.AddMinutes(1));
        var ticket = await app.InScopeAsync(sp => sp.GetRequiredService<BookingCheckIn>().EnterAsync(booking.Id, default));
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<QueueTicketService>().SetConnectedAsync(ticket!.Id, true, default);
            return true;
        });
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);
        var (outcome, taken) = await QueueTestSupport.TakeNextAsync(app, agent);

        Assert.Equal(TakeOutcome.Taken, outcome);
        Assert.Equal((string)stored["onlineMeeting"]!["joinUrl"]!, taken!.JoinUrl);
        Assert.Equal(before + 1, app.Graph.GraphRequests.Count); // no onlineMeetings/createOrGet: the booked meeting was reused

        // A second booking, cancelled: the Teams event is cancelled too.
        var other = await QueueTestData.NewLockedAsync(app);
        var second = await app.InScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(other.AccountId, BookingApp.Key(start.AddDays(1)), default));
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Id == second.Booking!.Id && b.MeetingExternalId != null)), "the second event is created");
        var secondEvent = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == second.Booking!.Id).Select(b => b.MeetingExternalId).SingleAsync());
        var cancelled = await app.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<BookingService>();
            return await service.CancelAsync((await service.FindByTokenAsync(second.ManageToken, default))!, default);
        });
        Assert.Equal(BookingOutcome.Cancelled, cancelled.Outcome);
        await Eventually.TrueAsync(() => app.Graph.GraphRequests.Any(r => r.ToString() == $"POST /v1.0/users/{FakeGraphServer.Organizer}/events/{secondEvent}/cancel"), "the Teams event is cancelled");
        Assert.False((bool?)stored["isCancelled"] ?? false);
    }

    [Fact]
    public async Task Booking_WhenGraphForbids_FallsBackToTheBuiltInRoom_AndStillConfirms()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var email = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == who.AccountId).Select(a => a.Email).SingleAsync());
        app.Graph.FailNext(1, 403);

        var booked = await app.InScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(who.AccountId, BookingApp.Key(BookingApp.SlotStart(app.Monday.AddDays(2), 10)), default));

        var mail = await app.MailAsync(email, "agendada");
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == booked.Booking!.Id));
        Assert.Equal((MeetingKindValue.BuiltInRoom, null), (booking.MeetingKind, booking.MeetingExternalId));
        Assert.Equal(booked.ManageToken, BookingApp.ManageToken(mail));
        Assert.Equal(0, await app.WithDbAsync(db => db.MeetingRooms.CountAsync(r => r.ClosedAt == null && r.Id == booking.MeetingRequestId)));
    }
}
