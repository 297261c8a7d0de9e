using System.Globalization;
using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Booking;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Booking;

[Collection(Name)]
public sealed class BookingTests(BookingApp app) : IClassFixture<BookingApp>
{
    public const string Name = "Booking";

    [Fact]
    public async Task Book_ThroughThePages_ConfirmsByMailWithAnInvitationAndAManageLink()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var email = await EmailOfAsync(who);
        var start = BookingApp.SlotStart(app.Monday, 9, 0);
        using var client = app.CreateClient();

        var slotPage = await app.ProveAsync(client, who, app.Monday);
        Assert.Contains($"value=\"{BookingApp.Key(start)}\"", slotPage, StringComparison.Ordinal);
        Assert.Contains("09:00", slotPage, StringComparison.Ordinal);
        var (status, _, location) = await HtmlForms.PostAsync(client, slotPage, "/desbloquear/cita/horario",
            new Dictionary<string, string?> { ["Slot"] = BookingApp.Key(start).ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/desbloquear/cita/gestionar?t=", location!.OriginalString, StringComparison.Ordinal);
        var booking = Assert.Single(await app.BookingsOfAsync(who.AccountId));
        Assert.Equal((BookingStatus.Booked, start, start.AddMinutes(20), 0), (booking.Status, booking.StartsAt, booking.EndsAt, booking.Sequence));

        var mail = await app.MailAsync(email, "agendada");
        Assert.Equal(location.OriginalString.Split("t=")[1], BookingApp.ManageToken(mail));
        var ics = BookingApp.Ics(mail);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{booking.Id:N}@iessclave", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", ics, StringComparison.Ordinal);

        var manage = await client.GetStringAsync(location.OriginalString);
        Assert.Contains("Cancelar mi cita", manage, StringComparison.Ordinal);
        Assert.Contains(SlotPicker.Describe(start), WebUtility.HtmlDecode(manage), StringComparison.Ordinal);
        Assert.Equal(1, await SlotCountAsync(start));
    }

    [Fact]
    public async Task Book_WhenTheSlotIsFull_IsRefusedAndWritesNothing()
    {
        var start = BookingApp.SlotStart(app.Monday, 10, 0);
        for (var i = 0; i < 2; i++)
        {
            using var c = app.CreateClient();
            Assert.Equal(HttpStatusCode.Redirect, (await app.BookAsync(c, await QueueTestData.NewLockedAsync(app), start)).Status);
        }

        var third = await QueueTestData.NewLockedAsync(app);
        using var client = app.CreateClient();
        var (status, html, _) = await app.BookAsync(client, third, start);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BookingMessages.SlotFull, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Empty(await app.BookingsOfAsync(third.AccountId));
        Assert.Equal(2, await SlotCountAsync(start));
        Assert.DoesNotContain($"value=\"{BookingApp.Key(start)}\"", await client.GetStringAsync($"/desbloquear/cita/horario?dia={BookingApp.DayValue(app.Monday)}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_TwelvePeopleRacingForOneSlot_OnlyTheCapacityGetsIt()
    {
        var start = BookingApp.SlotStart(app.Monday, 10, 20);
        var people = new List<LockedAffiliate>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(await QueueTestData.NewLockedAsync(app));
        }

        var outcomes = await Task.WhenAll(people.Select(p => app.InScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(p.AccountId, BookingApp.Key(start), CancellationToken.None))));

        Assert.Equal(2, outcomes.Count(o => o.Outcome == BookingOutcome.Booked));
        Assert.Equal(10, outcomes.Count(o => o.Outcome == BookingOutcome.SlotFull));
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.StartsAt == start)));
        Assert.Equal(2, await SlotCountAsync(start));
    }

    [Fact]
    public async Task Book_ASecondTimeForTheSameAccount_ShowsTheFirstBookingAndBooksNothing()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var first = BookingApp.SlotStart(app.Monday, 11, 0);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await app.BookAsync(client, who, first)).Status);

        var again = await app.ProveAsync(client, who, app.Monday);
        var direct = await app.InScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(who.AccountId, BookingApp.Key(first.AddMinutes(20)), CancellationToken.None));

        Assert.Contains("Ya tienes una cita", again, StringComparison.Ordinal);
        Assert.Contains(SlotPicker.Describe(first), WebUtility.HtmlDecode(again), StringComparison.Ordinal);
        Assert.Equal(BookingOutcome.AlreadyBooked, direct.Outcome);
        Assert.Single(await app.BookingsOfAsync(who.AccountId));
    }

    public static TheoryData<string> SlotsNotOffered => new()
    {
        "past",         // Monday 08:00 of the week before
        "too-soon",     // within the minimum lead
        "beyond-14",    // 15 days ahead
        "off-boundary", // 09:05, not a slot start
        "weekend",      // Saturday
        "after-hours",  // 16:20 would end after 16:30
    };

    [Theory]
    [MemberData(nameof(SlotsNotOffered))]
    public async Task Book_ASlotThatIsNotOffered_IsRefusedWithAClearMessage(string which)
    {
        var start = which switch
        {
            "past" => BookingApp.SlotStart(app.Monday.AddDays(-7), 8),
            "too-soon" => app.Time.GetUtcNow().AddMinutes(10),
            "beyond-14" => BookingApp.SlotStart(app.Monday.AddDays(15), 9),
            "off-boundary" => BookingApp.SlotStart(app.Monday, 9, 5),
            "weekend" => BookingApp.SlotStart(app.Monday.AddDays(5), 9),
            _ => BookingApp.SlotStart(app.Monday, 16, 20),
        };
        var who = await QueueTestData.NewLockedAsync(app);
        using var client = app.CreateClient();

        var (status, html, _) = await app.BookAsync(client, who, start, pageDay: app.Monday);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BookingMessages.SlotNotOffered, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Empty(await app.BookingsOfAsync(who.AccountId));
    }

    [Fact]
    public async Task SlotPage_WithoutProvingIdentity_RedirectsToTheProof()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/desbloquear/cita/horario");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/desbloquear/cita", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual("/desbloquear/cita/horario", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task Proof_UnknownIdAndWrongBirthDate_GetTheSameAnswer()
    {
        var known = await QueueTestData.NewLockedAsync(app);
        var unknown = known with { Identification = TestIdentities.NewCedula() };

        var answers = new List<string>();
        foreach (var (who, birthDate) in new[] { (known, "1970-01-01"), (unknown, known.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) })
        {
            using var client = app.CreateClient();
            var form = await client.GetStringAsync("/desbloquear/cita");
            var (status, html, _) = await HtmlForms.PostAsync(client, form, "/desbloquear/cita", new Dictionary<string, string?>
            {
                ["Identification"] = who.Identification, ["BirthDate"] = birthDate, ["altcha"] = await app.RobotProofAsync(client),
            });
            Assert.Equal(HttpStatusCode.OK, status);
            answers.Add(ErrorSummary(html));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Contains("no coinciden", answers[0], StringComparison.Ordinal);
    }

    private Task<string> EmailOfAsync(LockedAffiliate who) =>
        app.WithDbAsync(db => db.Accounts.Where(a => a.Id == who.AccountId).Select(a => a.Email).SingleAsync());

    private Task<int> SlotCountAsync(DateTimeOffset start) =>
        app.WithDbAsync(db => db.BookingSlots.Where(s => s.Resource == BookingSlot.VideoDesk && s.SlotKey == BookingApp.Key(start)).Select(s => s.Booked).SingleOrDefaultAsync());

    private static string ErrorSummary(string html)
    {
        var start = html.IndexOf("error-summary", StringComparison.Ordinal);
        Assert.True(start >= 0, "No error summary.");
        return html.Substring(start, Math.Min(400, html.Length - start));
    }
}
