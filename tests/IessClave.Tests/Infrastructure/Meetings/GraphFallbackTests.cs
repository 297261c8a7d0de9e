using IessClave.Tests.Support.FakeGraph;
using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Tests.Infrastructure.Meetings;

/// <summary>When Graph fails, the case gets its built-in room and the agent is told why, in Spanish.</summary>
public sealed class GraphFallbackTests
{
    private const string Room = " Se usará la sala de video integrada.";

    [Theory]
    [InlineData(401, "Microsoft Graph rechazó la autenticación de la aplicación")]
    [InlineData(403, "permiso denegado por Microsoft Graph")]
    [InlineData(404, "Microsoft Graph no encontró al organizador o la reunión")]
    [InlineData(500, "Microsoft Graph no está disponible en este momento")]
    public async Task StartCall_WhenGraphAnswersAnError_FallsBackToTheBuiltInRoom(int status, string detail)
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.FailNext(1, status);
        var caseId = Guid.NewGuid();

        var meeting = await bed.Meetings.StartCallAsync(caseId, CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal(FakeBuiltInRooms.AffiliateUrl(caseId), meeting.AffiliateJoinUrl);
        Assert.Equal($"No se pudo crear la reunión de Teams ({detail})." + Room, meeting.FallbackReason);
        var opened = Assert.Single(bed.Rooms.Opened);
        Assert.Equal((caseId, bed.Time.GetUtcNow(), bed.Time.GetUtcNow().AddMinutes(30)), opened);
        Assert.Single(bed.Graph.GraphRequests); // 401/403/404/500 are not retried
        var warning = Assert.Single(bed.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains($"(ODataError, HTTP status {status})", warning, StringComparison.Ordinal);
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task StartCall_WhenGraphForbids_GivesTheAgentTheDocumentedMessage()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.FailNext(1, 403);

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(
            "No se pudo crear la reunión de Teams (permiso denegado por Microsoft Graph). Se usará la sala de video integrada.",
            meeting.FallbackReason);
    }

    [Fact]
    public async Task StartCall_WhenTheMeetingCannotBeLockedDown_FallsBackRatherThanOpenTheLobby()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.FailNext(1, 403, method: "PATCH");

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal(["POST", "PATCH"], bed.Graph.GraphRequests.Select(r => r.Method));
        Assert.Equal("No se pudo crear la reunión de Teams (permiso denegado por Microsoft Graph)." + Room, meeting.FallbackReason);
    }

    [Fact]
    public async Task StartCall_WhenGraphReturnsMalformedJson_FallsBack()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.ReturnMalformedJsonNext();

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo crear la reunión de Teams (Microsoft Graph devolvió una respuesta no válida)." + Room, meeting.FallbackReason);
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task StartCall_WhenAGatewayAnswersHtml_FallsBack()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.ReturnHtmlErrorNext(502);

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo crear la reunión de Teams (Microsoft Graph no está disponible en este momento)." + Room, meeting.FallbackReason);
    }

    [Theory]
    [InlineData(429, "Microsoft Graph limitó las solicitudes y se agotaron los reintentos")]
    [InlineData(503, "Microsoft Graph no está disponible y se agotaron los reintentos")]
    public async Task StartCall_WhenRetriesRunOut_FallsBack(int status, string detail)
    {
        await using var bed = await GraphTestBed.StartAsync(); // MaxRetries = 2
        bed.Graph.FailNext(100, status, retryAfterSeconds: 0);

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal($"No se pudo crear la reunión de Teams ({detail})." + Room, meeting.FallbackReason);
        Assert.Equal(3, bed.Graph.GraphRequests.Count);
        Assert.Contains(bed.Logs.Lines, l => l.Contains($"(AggregateException, HTTP status {status})", StringComparison.Ordinal));
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task Fallback_Logs_NeitherSecretNorTokenNorPersonalData()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.FailNext(2, 403);

        await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);
        await bed.Meetings.ScheduleAsync(GraphScheduledMeetingTests.Booking(bed), CancellationToken.None);

        var logs = string.Join("\n", bed.Logs.Lines);
        Assert.Contains("HTTP status 403", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGraphServer.ClientSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(bed.Graph.AccessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphScheduledMeetingTests.AttendeeEmail, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(GraphScheduledMeetingTests.AttendeeName, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Injected by the test", logs, StringComparison.Ordinal); // Graph's error message stays out
    }
}
