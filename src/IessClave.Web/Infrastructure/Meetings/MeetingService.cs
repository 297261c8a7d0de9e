using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Meetings;

/// <summary>
/// What the rest of the app calls to get a meeting. Uses the configured provider; when Graph fails, opens the case's
/// built-in room instead and says why in <see cref="Meeting.FallbackReason"/> (Spanish, for the agent). With the
/// built-in provider it uses <see cref="IBuiltInRooms"/> directly.
/// </summary>
public sealed partial class MeetingService(
    IBuiltInRooms rooms,
    IOptions<MeetingOptions> options,
    TimeProvider time,
    ILogger<MeetingService> logger,
    IMeetingProvider? provider = null)
{
    private const string UseRoom = " Se usará la sala de video integrada.";

    /// <summary>The subject of an on-demand call: a short case reference, no personal data.</summary>
    public static string CallSubject(Guid caseId) => $"IESS: verificación de identidad (caso {caseId.ToString("N")[..8]})";

    public MeetingKind ConfiguredKind => provider?.Kind ?? MeetingKind.BuiltInRoom;

    /// <summary>A call for the case, starting now for <see cref="MeetingOptions.CallDuration"/>. Same case, same meeting.</summary>
    public Task<Meeting> StartCallAsync(Guid caseId, CancellationToken ct) =>
        CreateOnDemandAsync(new OnDemandMeetingRequest(caseId, CallSubject(caseId), time.GetUtcNow(), options.Value.CallDuration), ct);

    public async Task<Meeting> CreateOnDemandAsync(OnDemandMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var until = request.StartsAt + request.Duration;
        if (provider is null)
        {
            return await rooms.OpenAsync(request.CaseId, request.StartsAt, until, ct);
        }

        try
        {
            return await provider.CreateOnDemandAsync(request, ct);
        }
        catch (Exception ex) when (ProviderFailure.From(ex, ct) is { } failure)
        {
            LogFallback(logger, "on-demand meeting", failure.ErrorType, failure.StatusCode);
            var room = await rooms.OpenAsync(request.CaseId, request.StartsAt, until, ct);
            return room with { FallbackReason = $"No se pudo crear la reunión de Teams ({failure.Detail})." + UseRoom };
        }
    }

    /// <summary>A booked call: a Teams event with the affiliate invited, or the booking's room for the slot.</summary>
    public async Task<Meeting> ScheduleAsync(ScheduledMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (provider is null)
        {
            return await rooms.OpenAsync(request.BookingId, request.StartsAt, request.EndsAt, ct);
        }

        try
        {
            return await provider.ScheduleAsync(request, ct);
        }
        catch (Exception ex) when (ProviderFailure.From(ex, ct) is { } failure)
        {
            LogFallback(logger, "scheduled meeting", failure.ErrorType, failure.StatusCode);
            var room = await rooms.OpenAsync(request.BookingId, request.StartsAt, request.EndsAt, ct);
            return room with { FallbackReason = $"No se pudo agendar la reunión de Teams ({failure.Detail})." + UseRoom };
        }
    }

    /// <summary>
    /// Cancels what <see cref="ScheduleAsync"/> made for the booking. False when Graph could not cancel the event
    /// (logged): the caller may retry later, e.g. from a job.
    /// </summary>
    public async Task<bool> CancelScheduledAsync(Guid bookingId, Meeting meeting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Kind == MeetingKind.BuiltInRoom)
        {
            await rooms.CloseAsync(bookingId, ct);
            return true;
        }

        if (provider is null || provider.Kind != meeting.Kind || string.IsNullOrEmpty(meeting.ExternalId))
        {
            LogCannotCancel(logger, meeting.Kind);
            return false;
        }

        try
        {
            await provider.CancelScheduledAsync(meeting.ExternalId, ct);
            return true;
        }
        catch (Exception ex) when (ProviderFailure.From(ex, ct) is { } failure)
        {
            LogCancelFailed(logger, failure.ErrorType, failure.StatusCode);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams {Operation} failed ({ErrorType}, HTTP status {StatusCode}); using the built-in room.")]
    private static partial void LogFallback(ILogger logger, string operation, string errorType, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling the Teams event failed ({ErrorType}, HTTP status {StatusCode}).")]
    private static partial void LogCancelFailed(ILogger logger, string errorType, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} meeting cannot be cancelled with the configured provider.")]
    private static partial void LogCannotCancel(ILogger logger, MeetingKind kind);
}
