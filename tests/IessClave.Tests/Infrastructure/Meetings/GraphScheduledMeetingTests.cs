using IessClave.Tests.Support.FakeGraph;
using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Tests.Infrastructure.Meetings;

/// <summary>Booked calls: a calendar event with a Teams meeting and the affiliate invited; cancellation.</summary>
public sealed class GraphScheduledMeetingTests
{
    public const string AttendeeEmail = "maria.afiliada@correo-prueba.ec";
    public const string AttendeeName = "María Afiliada Prueba";

    public static ScheduledMeetingRequest Booking(GraphTestBed bed, Guid? id = null)
    {
        var start = bed.Time.GetUtcNow().AddDays(2);
        return new(id ?? Guid.NewGuid(), "IESS: cita de verificación de identidad", start, start.AddMinutes(20), AttendeeEmail, AttendeeName);
    }

    [Fact]
    public async Task Schedule_WithGraph_PostsATeamsEventWithTheAffiliateAsRequiredAttendee()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var booking = Booking(bed);

        var meeting = await bed.Meetings.ScheduleAsync(booking, CancellationToken.None);

        var request = Assert.Single(bed.Graph.GraphRequests);
        Assert.Equal($"POST /v1.0/users/{FakeGraphServer.Organizer}/events", request.ToString());
        Assert.Equal("Bearer " + bed.Graph.AccessToken, request.Header("Authorization"));
        var body = request.Json();
        Assert.Equal(booking.Subject, (string?)body["subject"]);
        Assert.True((bool?)body["isOnlineMeeting"]);
        Assert.Equal("teamsForBusiness", (string?)body["onlineMeetingProvider"]);
        Assert.Equal(booking.BookingId.ToString(), (string?)body["transactionId"]);
        Assert.Equal("2026-12-02T14:00:00", (string?)body["start"]!["dateTime"]);
        Assert.Equal("UTC", (string?)body["start"]!["timeZone"]);
        Assert.Equal("2026-12-02T14:20:00", (string?)body["end"]!["dateTime"]);
        var attendee = Assert.Single(body["attendees"]!.AsArray())!;
        Assert.Equal("required", (string?)attendee["type"]);
        Assert.Equal(AttendeeEmail, (string?)attendee["emailAddress"]!["address"]);
        Assert.Equal(AttendeeName, (string?)attendee["emailAddress"]!["name"]);

        var stored = Assert.Single(bed.Graph.Store.Events);
        var joinUrl = (string)stored["onlineMeeting"]!["joinUrl"]!;
        Assert.Equal(new Meeting(MeetingKind.Teams, joinUrl, joinUrl, (string)stored["id"]!), meeting);
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task Schedule_WhenTheSameBookingIsRetried_ReturnsTheSameEvent()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var booking = Booking(bed);

        var first = await bed.Meetings.ScheduleAsync(booking, CancellationToken.None);
        var second = await bed.Meetings.ScheduleAsync(booking, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(bed.Graph.Store.Events);
    }

    [Fact]
    public async Task CancelScheduled_WithGraph_CancelsTheEventWithASpanishComment()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var meeting = await bed.Meetings.ScheduleAsync(Booking(bed), CancellationToken.None);

        var cancelled = await bed.Meetings.CancelScheduledAsync(Guid.NewGuid(), meeting, CancellationToken.None);

        Assert.True(cancelled);
        var request = bed.Graph.GraphRequests[^1];
        Assert.Equal($"POST /v1.0/users/{FakeGraphServer.Organizer}/events/{meeting.ExternalId}/cancel", request.ToString());
        // The SDK names the parameter as Graph's metadata does ("Comment"); the docs' samples write "comment".
        Assert.Equal(GraphMeetingProvider.CancelComment, (string?)request.Json()["Comment"]);
        var stored = Assert.Single(bed.Graph.Store.Events);
        Assert.True((bool?)stored["isCancelled"]);
        Assert.Equal(GraphMeetingProvider.CancelComment, (string?)stored["cancellationComment"]);
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task CancelScheduled_WhenGraphFails_ReturnsFalseForALaterRetry()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var meeting = await bed.Meetings.ScheduleAsync(Booking(bed), CancellationToken.None);
        bed.Graph.FailNext(1, 500);

        Assert.False(await bed.Meetings.CancelScheduledAsync(Guid.NewGuid(), meeting, CancellationToken.None));
        Assert.False((bool?)Assert.Single(bed.Graph.Store.Events)["isCancelled"]);
    }

    [Fact]
    public async Task Schedule_WhenGraphForbids_OpensTheBookingsRoomForTheSlot()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.FailNext(1, 403);
        var booking = Booking(bed);

        var meeting = await bed.Meetings.ScheduleAsync(booking, CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo agendar la reunión de Teams (permiso denegado por Microsoft Graph). Se usará la sala de video integrada.", meeting.FallbackReason);
        Assert.Equal((booking.BookingId, booking.StartsAt, booking.EndsAt), Assert.Single(bed.Rooms.Opened));

        Assert.True(await bed.Meetings.CancelScheduledAsync(booking.BookingId, meeting, CancellationToken.None));
        Assert.Equal([booking.BookingId], bed.Rooms.Closed);
    }
}
