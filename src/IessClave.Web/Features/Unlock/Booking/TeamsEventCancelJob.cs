using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>Cancels a booked call's Teams event; fails (so Hangfire retries later) while Graph cannot do it.</summary>
public sealed class TeamsEventCancelJob(MeetingService meetings)
{
    public async Task RunAsync(string eventId, CancellationToken ct)
    {
        var meeting = new Meeting(MeetingKind.Teams, "", "", eventId);
        if (!await meetings.CancelScheduledAsync(Guid.Empty, meeting, ct))
        {
            throw new InvalidOperationException("The Teams event could not be cancelled yet; the job will be retried.");
        }
    }
}
