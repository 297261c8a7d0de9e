using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Tests.Infrastructure.Meetings;

/// <summary>When Entra ID or Graph cannot be reached, answers too late, or refuses the app: the built-in room, unless the caller gave up.</summary>
public sealed class GraphConnectivityFallbackTests
{
    private const string Room = " Se usará la sala de video integrada.";

    [Fact]
    public async Task StartCall_WhenTheClientSecretIsRejected_FallsBack()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.RejectClientCredentials = true;

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo crear la reunión de Teams (Microsoft Entra ID no autorizó a la aplicación)." + Room, meeting.FallbackReason);
        Assert.Empty(bed.Graph.GraphRequests);
        Assert.Contains(bed.Logs.Lines, l => l.Contains("(AuthenticationFailedException, HTTP status (null))", StringComparison.Ordinal));
        bed.AssertOnlyFakeContacted();
    }

    [Fact]
    public async Task StartCall_WhenGraphBecomesUnreachable_FallsBack()
    {
        await using var bed = await GraphTestBed.StartAsync();
        await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None); // token cached
        await bed.Graph.StopAsync();

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo crear la reunión de Teams (no se pudo conectar con Microsoft Graph)." + Room, meeting.FallbackReason);
    }

    [Fact]
    public async Task StartCall_WhenEntraIdIsUnreachable_FallsBack()
    {
        await using var bed = await GraphTestBed.StartAsync(new() { ["Meetings:Graph:MaxRetries"] = "0" });
        await bed.Graph.StopAsync();

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo crear la reunión de Teams (no se pudo conectar con Microsoft Entra ID)." + Room, meeting.FallbackReason);
    }

    [Fact]
    public async Task StartCall_WhenGraphDoesNotAnswerInTime_FallsBack()
    {
        await using var bed = await GraphTestBed.StartAsync(new() { ["Meetings:Graph:Timeout"] = "00:00:01" });
        bed.Graph.DelayNext(TimeSpan.FromSeconds(10));

        var meeting = await bed.Meetings.StartCallAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal("No se pudo crear la reunión de Teams (Microsoft Graph no respondió a tiempo)." + Room, meeting.FallbackReason);
    }

    [Fact]
    public async Task StartCall_WhenTheCallerCancels_DoesNotFallBack()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Graph.DelayNext(TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bed.Meetings.StartCallAsync(Guid.NewGuid(), cts.Token));

        Assert.Empty(bed.Rooms.Opened);
    }
}
