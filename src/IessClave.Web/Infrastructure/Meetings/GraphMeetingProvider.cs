using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Graph.Users.Item.OnlineMeetings.CreateOrGet;

namespace IessClave.Web.Infrastructure.Meetings;

/// <summary>
/// Teams meetings through the real Microsoft Graph SDK, organised by <see cref="GraphMeetingOptions.OrganizerUserId"/>.
/// On-demand calls use <c>onlineMeetings/createOrGet</c> with the case ID as <c>externalId</c> (a retried job never
/// makes two meetings), then lock the meeting down: only the organizer bypasses the lobby and presents, chat is
/// limited to the meeting, no recording. Booked calls are calendar events with a Teams meeting and the affiliate as
/// required attendee. Errors propagate (<see cref="MeetingService"/> falls back to the built-in room).
/// </summary>
public sealed class GraphMeetingProvider : IMeetingProvider, IDisposable
{
    public const string CancelComment = "La cita de videollamada con el IESS fue cancelada. Si aún necesita desbloquear su clave, puede agendar una nueva cita o unirse a la fila de videollamada.";

    private readonly GraphServiceClient client;
    private readonly HttpClient http;
    private readonly string organizer;

    public GraphMeetingProvider(IOptions<MeetingOptions> options, GraphHttpHandlerFactory handlers)
    {
        var graph = options.Value.Graph;
        organizer = graph.OrganizerUserId ?? throw new InvalidOperationException("Meetings:Graph:OrganizerUserId is not set.");
        (client, http) = GraphClientBuilder.Build(graph, handlers);
    }

    public MeetingKind Kind => MeetingKind.Teams;

    public async Task<Meeting> CreateOnDemandAsync(OnDemandMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meetings = client.Users[organizer].OnlineMeetings;
        var meeting = await meetings.CreateOrGet.PostAsync(
            new CreateOrGetPostRequestBody
            {
                ExternalId = request.CaseId.ToString(),
                Subject = request.Subject,
                StartDateTime = request.StartsAt.ToUniversalTime(),
                EndDateTime = (request.StartsAt + request.Duration).ToUniversalTime(),
            },
            cancellationToken: ct);
        if (meeting?.Id is not { Length: > 0 } id || meeting.JoinWebUrl is not { Length: > 0 } joinUrl)
        {
            throw new MeetingProviderException("createOrGet returned no meeting id or join URL.");
        }

        // createOrGet does not take these settings; a meeting already locked down (a retry) is not patched again.
        if (!IsLockedDown(meeting))
        {
            await meetings[id].PatchAsync(LockDown(), cancellationToken: ct);
        }

        return new Meeting(MeetingKind.Teams, joinUrl, joinUrl, id);
    }

    public async Task<Meeting> ScheduleAsync(ScheduledMeetingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await client.Users[organizer].Events.PostAsync(
            new Event
            {
                // Graph's own guard against duplicate POSTs when a job is retried.
                TransactionId = request.BookingId.ToString(),
                Subject = request.Subject,
                Start = Utc(request.StartsAt),
                End = Utc(request.EndsAt),
                IsOnlineMeeting = true,
                OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
                AllowNewTimeProposals = false,
                Attendees =
                [
                    new Attendee
                    {
                        Type = AttendeeType.Required,
                        EmailAddress = new EmailAddress { Address = request.AttendeeEmail, Name = request.AttendeeName },
                    },
                ],
            },
            cancellationToken: ct);
        if (created?.Id is not { Length: > 0 } id || created.OnlineMeeting?.JoinUrl is not { Length: > 0 } joinUrl)
        {
            throw new MeetingProviderException("The event has no id or no Teams join URL.");
        }

        return new Meeting(MeetingKind.Teams, joinUrl, joinUrl, id);
    }

    public async Task CancelScheduledAsync(string externalId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        await client.Users[organizer].Events[externalId].Cancel.PostAsync(
            new CancelPostRequestBody { Comment = CancelComment },
            cancellationToken: ct);
    }

    public void Dispose() => http.Dispose();

    private static OnlineMeeting LockDown() => new()
    {
        LobbyBypassSettings = new LobbyBypassSettings { Scope = LobbyBypassScope.Organizer, IsDialInBypassEnabled = false },
        AllowedPresenters = OnlineMeetingPresenters.Organizer,
        AllowMeetingChat = MeetingChatMode.Limited,
        AllowRecording = false,
        AllowTranscription = false,
    };

    private static bool IsLockedDown(OnlineMeeting meeting) =>
        meeting.LobbyBypassSettings?.Scope == LobbyBypassScope.Organizer
        && meeting.LobbyBypassSettings.IsDialInBypassEnabled != true
        && meeting.AllowedPresenters == OnlineMeetingPresenters.Organizer
        && meeting.AllowMeetingChat == MeetingChatMode.Limited
        && meeting.AllowRecording == false
        && meeting.AllowTranscription == false;

    private static DateTimeTimeZone Utc(DateTimeOffset at) => new()
    {
        DateTime = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };
}
