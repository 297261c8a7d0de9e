using System.Net;
using Hangfire;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Booking;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Booking;

/// <summary>What happens to a booking over time: reminders, cancel and move until the start, the queue at the start, no-show.</summary>
[Collection(BookingTests.Name)]
public sealed class BookingLifecycleTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Reminders_AreScheduled24HoursAnd15MinutesBefore_AndEachIsSentOnceForTheCurrentVersionOnly()
    {
        var (who, email) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 3, hour: 9);
        var scheduledAt = DateTime.UtcNow;
        var booked = await BookAsync(who, start);

        var jobs = JobStorage.Current.GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job?.Type == typeof(BookingReminderJob) && Equals(j.Value.Job.Args[0], booked.Booking!.Id))
            .ToDictionary(j => (BookingReminder)j.Value.Job.Args[2], j => j.Value.EnqueueAt);
        var fakeNow = app.Time.GetUtcNow();
        AssertAbout(scheduledAt + (start - TimeSpan.FromHours(24) - fakeNow), jobs[BookingReminder.DayBefore]);
        AssertAbout(scheduledAt + (start - TimeSpan.FromMinutes(15) - fakeNow), jobs[BookingReminder.ShortlyBefore]);

        app.Time.SetUtcNow(start - TimeSpan.FromHours(24));
        var confirmation = await app.MailAsync(email, "agendada");
        Assert.True(await RemindAsync(booked.Booking!.Id, 0, BookingReminder.DayBefore));
        Assert.False(await RemindAsync(booked.Booking.Id, 0, BookingReminder.DayBefore));
        var reminder = await app.MailAsync(email, "Recordatorio");
        Assert.Equal(BookingApp.ManageToken(confirmation), BookingApp.ManageToken(reminder));
        Assert.Contains("Le recordamos", reminder.TextBody ?? "", StringComparison.Ordinal);

        var moved = await InScopeAsync<BookingService, BookingResult>(async s =>
            await s.RescheduleAsync((await s.FindByTokenAsync(booked.ManageToken, default))!, BookingApp.Key(start.AddHours(1)), default));
        Assert.Equal(BookingOutcome.Rescheduled, moved.Outcome);
        Assert.False(await RemindAsync(booked.Booking.Id, 0, BookingReminder.ShortlyBefore));
        app.Time.SetUtcNow(start.AddHours(1) - TimeSpan.FromMinutes(15));
        Assert.True(await RemindAsync(booked.Booking.Id, 1, BookingReminder.ShortlyBefore));
        await Eventually.TrueAsync(() => app.Smtp.Messages.Count(m => Flows.IsTo(m, email) && (m.Subject ?? "").Contains("Recordatorio", StringComparison.Ordinal)) == 2, "the second reminder arrives");
        // The reminder, not the latest mail: the move's own mail is another job and may arrive after it.
        var second = app.Smtp.Messages.Last(m => Flows.IsTo(m, email) && (m.Subject ?? "").Contains("Recordatorio", StringComparison.Ordinal));
        Assert.Contains("empieza en unos minutos", second.TextBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WithTheManageLink_FreesThePlaceAndMailsACalendarCancellation()
    {
        var (who, email) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 2, hour: 10);
        var booked = await BookAsync(who, start);
        var manageUrl = $"/desbloquear/cita/gestionar?t={booked.ManageToken}";
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(manageUrl);
        var (status, _, location) = await HtmlForms.PostAsync(client, page, "/desbloquear/cita/gestionar?handler=Cancelar", new Dictionary<string, string?> { ["t"] = booked.ManageToken });

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(manageUrl, location!.OriginalString);
        Assert.Contains("Esta cita fue cancelada", await client.GetStringAsync(manageUrl), StringComparison.Ordinal);
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == booked.Booking!.Id));
        Assert.Equal((BookingStatus.Cancelled, 1), (booking.Status, booking.Sequence));
        Assert.Equal(0, await app.WithDbAsync(db => db.BookingSlots.Where(s => s.Resource == BookingSlot.VideoDesk && s.SlotKey == BookingApp.Key(start)).Select(s => s.Booked).SingleAsync()));
        var ics = BookingApp.Ics(await app.MailAsync(email, "cancelada"));
        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{booking.Id:N}@iessclave", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.AccountId == who.AccountId).Select(e => e.Action).ToListAsync()), a => a == AuditActions.BookingCancelled);
    }

    [Fact]
    public async Task CancelAndMove_FromTheSlotsStart_AreRefusedAndChangeNothing()
    {
        var (who, _) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 1, hour: 11);
        var booked = await BookAsync(who, start);
        using var client = app.CreateClient();
        var manageUrl = $"/desbloquear/cita/gestionar?t={booked.ManageToken}";
        var page = await client.GetStringAsync(manageUrl);

        app.Time.SetUtcNow(start);
        var cancel = await HtmlForms.PostAsync(client, page, "/desbloquear/cita/gestionar?handler=Cancelar", new Dictionary<string, string?> { ["t"] = booked.ManageToken });
        var move = await HtmlForms.PostAsync(client, page, "/desbloquear/cita/gestionar?handler=Cambiar", new Dictionary<string, string?> { ["t"] = booked.ManageToken, ["Slot"] = BookingApp.Key(start.AddDays(1)).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.All([cancel.Html, move.Html], html => Assert.Contains(BookingMessages.TooLate, WebUtility.HtmlDecode(html), StringComparison.Ordinal));
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == booked.Booking!.Id));
        Assert.Equal((BookingStatus.Booked, start, 0), (booking.Status, booking.StartsAt, booking.Sequence));
        Assert.Contains("Entrar a la videollamada", await client.GetStringAsync(manageUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_WithTheManageLink_UpdatesTheSameCalendarEventAndFreesTheOldPlace()
    {
        var (who, email) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 4, hour: 14);
        var later = start.AddMinutes(100);
        var booked = await BookAsync(who, start);
        await app.MailAsync(email, "agendada");
        using var client = app.CreateClient();
        var manageUrl = $"/desbloquear/cita/gestionar?t={booked.ManageToken}";
        var dayPage = await client.GetStringAsync($"{manageUrl}&dia={BookingApp.DayValue(DateOnly.FromDateTime(later.ToOffset(BookingApp.Ecuador).DateTime))}");
        Assert.Contains($"value=\"{BookingApp.Key(later)}\"", dayPage, StringComparison.Ordinal);

        var (status, _, _) = await HtmlForms.PostAsync(client, dayPage, "/desbloquear/cita/gestionar?handler=Cambiar", new Dictionary<string, string?> { ["t"] = booked.ManageToken, ["Slot"] = BookingApp.Key(later).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, status);
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == booked.Booking!.Id));
        Assert.Equal((BookingStatus.Booked, later, 1), (booking.Status, booking.StartsAt, booking.Sequence));
        Assert.Equal((0, 1), await app.WithDbAsync(async db => (
            await db.BookingSlots.Where(s => s.Resource == BookingSlot.VideoDesk && s.SlotKey == BookingApp.Key(start)).Select(s => s.Booked).SingleAsync(),
            await db.BookingSlots.Where(s => s.Resource == BookingSlot.VideoDesk && s.SlotKey == BookingApp.Key(later)).Select(s => s.Booked).SingleAsync())));
        await Eventually.TrueAsync(() => app.Smtp.Messages.Count(m => Flows.IsTo(m, email) && (m.Subject ?? "").Contains("agendada", StringComparison.Ordinal)) == 2, "the new confirmation arrives");
        var ics = BookingApp.Ics(Flows.LatestTo(app, email)!);
        Assert.Contains($"UID:{booking.Id:N}@iessclave", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{later.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheSlotsStart_TheBookingWaitsInThePriorityLane_AndIfNobodyComes_ItIsANoShow()
    {
        await QueueTestSupport.DrainAsync(app);
        var (who, _) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 1, hour: 9);
        var booked = await BookAsync(who, start);
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);

        Assert.False(await InScopeAsync<BookingCheckInJob, bool>(j => j.RunAsync(booked.Booking!.Id, 0, default)));
        app.Time.SetUtcNow(start);
        Assert.True(await InScopeAsync<BookingCheckInJob, bool>(j => j.RunAsync(booked.Booking!.Id, 0, default)));

        var ticket = await app.WithDbAsync(db => db.QueueTickets.SingleAsync(t => t.AccountId == who.AccountId));
        Assert.Equal((QueueLane.Priority, PriorityReason.Booking, TicketStatus.Waiting), (ticket.Lane, ticket.PriorityReason, ticket.Status));
        Assert.Equal(TakeOutcome.QueueEmpty, (await QueueTestSupport.TakeNextAsync(app, agent)).Outcome); // absent: not handed out

        app.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await QueueTestSupport.ExpireDisconnectedAsync(app));
        Assert.Null(await InScopeAsync<BookingSettleJob, BookingStatus?>(j => j.RunAsync(booked.Booking!.Id, default)));
        app.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await QueueTestSupport.ExpireDisconnectedAsync(app);

        Assert.Equal(BookingStatus.NoShow, await InScopeAsync<BookingSettleJob, BookingStatus?>(j => j.RunAsync(booked.Booking!.Id, default)));
        Assert.Equal(TicketStatus.Expired, await app.WithDbAsync(db => db.QueueTickets.Where(t => t.Id == ticket.Id).Select(t => t.Status).SingleAsync()));
        using var client = app.CreateClient();
        Assert.Contains("ya pasó", WebUtility.HtmlDecode(await client.GetStringAsync($"/desbloquear/cita/gestionar?t={booked.ManageToken}")), StringComparison.Ordinal);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.AccountId == who.AccountId).Select(e => e.Action).ToListAsync()), a => a == AuditActions.BookingNoShow);
    }

    [Fact]
    public async Task AtTheSlotsStart_TheAffiliateEntersWithTheLink_GoesAheadOfTheLine_AndTheBookingIsAttended()
    {
        await QueueTestSupport.DrainAsync(app);
        await using var earlier = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        var (who, _) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 1, hour: 15);
        var booked = await BookAsync(who, start);
        var agent = await QueueTestSupport.NewAvailableAgentAsync(app);
        using var client = app.CreateClient();
        var manageUrl = $"/desbloquear/cita/gestionar?t={booked.ManageToken}";

        var tooEarly = await HtmlForms.PostAsync(client, await client.GetStringAsync(manageUrl), "/desbloquear/cita/gestionar?handler=Entrar", new Dictionary<string, string?> { ["t"] = booked.ManageToken });
        Assert.Contains("Todavía no puedes entrar", WebUtility.HtmlDecode(tooEarly.Html), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.QueueTickets.AnyAsync(t => t.AccountId == who.AccountId)));

        app.Time.SetUtcNow(start.AddMinutes(3));
        using var response = await PostEnterAsync(client, await client.GetStringAsync(manageUrl), booked.ManageToken!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/desbloquear/videollamada/turno", response.Headers.Location!.OriginalString);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        await using var hub = HubConnections.Create(app, QueueFeature.AffiliateHubPath, cookie);
        await hub.StartAsync();
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.QueueTickets.AnyAsync(t => t.AccountId == who.AccountId && t.DisconnectedAt == null)), "the page's connection marks the ticket present");

        var (outcome, taken) = await QueueTestSupport.TakeNextAsync(app, agent);

        Assert.Equal(TakeOutcome.Taken, outcome);
        var ticket = await app.WithDbAsync(db => db.QueueTickets.SingleAsync(t => t.AccountId == who.AccountId));
        Assert.Equal(ticket.Id, taken!.Ticket);
        Assert.Equal(CaseChannel.ScheduledCall, await app.WithDbAsync(db => db.Cases.Where(c => c.TicketId == ticket.Id).Select(c => c.Channel).SingleAsync()));
        Assert.Null(await InScopeAsync<BookingSettleJob, BookingStatus?>(j => j.RunAsync(booked.Booking!.Id, default))); // called, not answered yet
        await InScopeAsync<QueueTicketService, Guid?>(s => s.AnswerAsync(ticket.Id, who.AccountId, default));
        Assert.Equal(BookingStatus.Attended, await InScopeAsync<BookingSettleJob, BookingStatus?>(j => j.RunAsync(booked.Booking!.Id, default)));
    }

    [Fact]
    public async Task ABookedCall_WhosePersonIsAtAWindowAtTheSlot_DoesNotEnterTheLine_AndCountsAsKept()
    {
        await QueueTestSupport.DrainAsync(app);
        var (who, _) = await LockedAsync();
        var start = NextWorkingDaySlot(daysAhead: 2, hour: 11);
        var booked = await BookAsync(who, start);
        app.Time.SetUtcNow(start.AddMinutes(-5));
        using var desk = await WindowDesk.SignInAsync(app);
        await desk.OpenAsync(who.Identification);

        app.Time.SetUtcNow(start);
        var entered = await InScopeAsync<BookingCheckInJob, bool>(j => j.RunAsync(booked.Booking!.Id, 0, default));
        app.Time.Advance(TimeSpan.FromMinutes(11));
        var settled = await InScopeAsync<BookingSettleJob, BookingStatus?>(j => j.RunAsync(booked.Booking!.Id, default));

        Assert.False(entered);
        Assert.False(await app.WithDbAsync(db => db.QueueTickets.AnyAsync(t => t.AccountId == who.AccountId)));
        Assert.Equal(BookingStatus.Attended, settled);
    }

    private Task<bool> RemindAsync(Guid bookingId, int sequence, BookingReminder which) =>
        InScopeAsync<BookingReminderJob, bool>(j => j.RunAsync(bookingId, sequence, which, default));

    private static async Task<HttpResponseMessage> PostEnterAsync(HttpClient client, string page, string token)
    {
        var antiforgery = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/desbloquear/cita/gestionar?handler=Entrar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["t"] = token, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
        }));
    }

    private async Task<(LockedAffiliate Who, string Email)> LockedAsync()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        return (who, await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == who.AccountId).Select(a => a.Email).SingleAsync()));
    }

    private async Task<BookingResult> BookAsync(LockedAffiliate who, DateTimeOffset start)
    {
        var result = await InScopeAsync<BookingService, BookingResult>(s => s.BookAsync(who.AccountId, BookingApp.Key(start), default));
        Assert.Equal(BookingOutcome.Booked, result.Outcome);
        return result;
    }

    private Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull =>
        app.InScopeAsync(sp => work(sp.GetRequiredService<TService>()));

    /// <summary>A slot at <paramref name="hour"/>:00 Ecuador time on a working day at least <paramref name="daysAhead"/> days after the app's now.</summary>
    private DateTimeOffset NextWorkingDaySlot(int daysAhead, int hour)
    {
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().ToOffset(BookingApp.Ecuador).DateTime).AddDays(daysAhead);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return BookingApp.SlotStart(day, hour);
    }

    private static void AssertAbout(DateTime expectedUtc, DateTime? actualUtc) =>
        Assert.InRange(actualUtc!.Value, expectedUtc - TimeSpan.FromMinutes(1), expectedUtc + TimeSpan.FromMinutes(1));
}
