namespace IessClave.Web.Infrastructure.Meetings;

public enum MeetingKind
{
    BuiltInRoom = 1,
    Teams = 2,
}

/// <summary>An on-demand call for a case: now, for about <paramref name="Duration"/>. The subject carries no personal data.</summary>
public sealed record OnDemandMeetingRequest(Guid CaseId, string Subject, DateTimeOffset StartsAt, TimeSpan Duration);

/// <summary>A booked call: a calendar event with the affiliate as attendee (Teams), or a room valid for the slot.</summary>
public sealed record ScheduledMeetingRequest(Guid BookingId, string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string AttendeeEmail, string AttendeeName);

/// <summary>
/// Where the two people meet. For Teams both links are the meeting's join URL (the affiliate waits in the lobby);
/// for the built-in room each person gets their own single-use join link. <see cref="FallbackReason"/> is set
/// (in Spanish, for the agent) when the configured provider failed and the built-in room was used instead.
/// </summary>
public sealed record Meeting(
    MeetingKind Kind,
    string AffiliateJoinUrl,
    string AgentJoinUrl,
    string? ExternalId,
    string? FallbackReason = null);

/// <summary>Creates meetings with one provider (Microsoft Graph / Teams, or the built-in room).</summary>
public interface IMeetingProvider
{
    MeetingKind Kind { get; }

    /// <summary>Idempotent per case: asking twice for the same case returns the same meeting.</summary>
    Task<Meeting> CreateOnDemandAsync(OnDemandMeetingRequest request, CancellationToken ct);

    Task<Meeting> ScheduleAsync(ScheduledMeetingRequest request, CancellationToken ct);

    Task CancelScheduledAsync(string externalId, CancellationToken ct);
}

/// <summary>
/// The built-in browser room (WebRTC, SignalR signalling): one room per case, two single-use join links.
/// Also the fallback when Graph fails.
/// </summary>
public interface IBuiltInRooms
{
    /// <summary>Opens (or returns the open) room for the case; the links work from <paramref name="validFrom"/> to <paramref name="validUntil"/>.</summary>
    Task<Meeting> OpenAsync(Guid caseId, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken ct);

    Task CloseAsync(Guid caseId, CancellationToken ct);
}
