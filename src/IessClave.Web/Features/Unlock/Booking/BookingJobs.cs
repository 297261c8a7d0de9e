using Hangfire;
using IessClave.Web.Domain;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// Schedules the jobs of one version (<see cref="CallBooking.Sequence"/>) of a booking. Each job takes the booking
/// id and that sequence and does nothing when the booking has moved on, so a reschedule never needs to find and
/// delete the jobs of the old slot.
/// </summary>
public sealed class BookingJobs(IBackgroundJobClient jobs, IOptions<BookingOptions> options, TimeProvider time)
{
    public void AfterBookedOrMoved(CallBooking booking)
    {
        var (id, sequence) = (booking.Id, booking.Sequence);
        jobs.Enqueue<BookingConfirmationJob>(j => j.RunAsync(id, sequence, CancellationToken.None));
        foreach (var (reminder, before) in Reminders())
        {
            var delay = booking.StartsAt - before - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                jobs.Schedule<BookingReminderJob>(j => j.RunAsync(id, sequence, reminder, CancellationToken.None), delay);
            }
        }

        if (booking.Kind == BookingKind.VideoCall)
        {
            jobs.Schedule<BookingCheckInJob>(j => j.RunAsync(id, sequence, CancellationToken.None), booking.StartsAt - time.GetUtcNow());
        }

        Settle(id, SettleAt(booking) - time.GetUtcNow());
    }

    public void AfterCancelled(CallBooking booking)
    {
        var id = booking.Id;
        jobs.Enqueue<BookingCancellationJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public void CancelTeamsEvent(string eventId) =>
        jobs.Enqueue<TeamsEventCancelJob>(j => j.RunAsync(eventId, CancellationToken.None));

    public void Settle(Guid bookingId, TimeSpan delay) =>
        jobs.Schedule<BookingSettleJob>(j => j.RunAsync(bookingId, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);

    /// <summary>
    /// When the outcome is first looked at: a video call once the arrival tolerance is over; a window appointment
    /// (served by the window mode, not the queue) half an hour after the slot, so the visit has been recorded.
    /// </summary>
    public DateTimeOffset SettleAt(CallBooking booking) => booking.Kind == BookingKind.VideoCall
        ? booking.StartsAt + options.Value.ArrivalTolerance + TimeSpan.FromMinutes(1)
        : booking.EndsAt + TimeSpan.FromMinutes(30);

    public IEnumerable<(BookingReminder Reminder, TimeSpan Before)> Reminders() =>
        [(BookingReminder.DayBefore, options.Value.FirstReminder), (BookingReminder.ShortlyBefore, options.Value.SecondReminder)];
}
