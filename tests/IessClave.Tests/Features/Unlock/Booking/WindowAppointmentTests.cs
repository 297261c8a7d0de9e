using System.Globalization;
using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Booking;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Booking;

/// <summary>
/// In-person appointments at an agency's service window, on the booking machinery: the agencies come from
/// configuration (appsettings.json: quito-centro takes 3 per slot, cuenca 2), each with its own capacity.
/// </summary>
[Collection(BookingTests.Name)]
public sealed class WindowAppointmentTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Appointment_AtAnAgency_IsBookedThroughThePages_AndTheMailNamesThePlace()
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var email = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == who.AccountId).Select(a => a.Email).SingleAsync());
        var start = BookingApp.SlotStart(app.Monday.AddDays(3), 9, 20);
        using var client = app.CreateClient();

        var form = await client.GetStringAsync("/desbloquear/cita");
        Assert.Contains("value=\"quito-centro\"", form, StringComparison.Ordinal);
        var (status, _, location) = await HtmlForms.PostAsync(client, form, "/desbloquear/cita", new Dictionary<string, string?>
        {
            ["Identification"] = who.Identification,
            ["BirthDate"] = who.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["agencia"] = "quito-centro",
            ["altcha"] = await app.RobotProofAsync(client),
        });
        Assert.Equal("/desbloquear/cita/horario?agencia=quito-centro", location?.OriginalString);
        var slots = await client.GetStringAsync($"/desbloquear/cita/horario?agencia=quito-centro&dia={BookingApp.DayValue(app.Monday.AddDays(3))}");
        Assert.Contains("Agencia Quito Centro", slots, StringComparison.Ordinal);
        var booked = await HtmlForms.PostAsync(client, slots, "/desbloquear/cita/horario?agencia=quito-centro",
            new Dictionary<string, string?> { ["Slot"] = BookingApp.Key(start).ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, booked.Status);
        var booking = Assert.Single(await app.BookingsOfAsync(who.AccountId));
        Assert.Equal((BookingKind.Window, "quito-centro", start, (MeetingKindValue?)null), (booking.Kind, booking.AgencyId, booking.StartsAt, booking.MeetingKind));
        var mail = await app.MailAsync(email, "agendada");
        Assert.Contains("ventanilla de Agencia Quito Centro, Av. 10 de Agosto y Bogotá, Quito", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("videollamada", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + BookingConfirmationMail.WindowSummary, BookingApp.Ics(mail), StringComparison.Ordinal);
        var manage = WebUtility.HtmlDecode(await client.GetStringAsync(booked.Location!.OriginalString));
        Assert.Contains("Tu cita en la ventanilla de la <strong>Agencia Quito Centro</strong> (Av. 10 de Agosto y Bogotá, Quito)", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("Entrar a la videollamada", manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachAgency_HasItsOwnCapacity_SeparateFromTheVideoDesk()
    {
        var start = BookingApp.SlotStart(app.Monday.AddDays(3), 13, 0);
        async Task<BookingOutcome> Book(string? agency) =>
            (await app.InScopeAsync(async sp => await sp.GetRequiredService<BookingService>()
                .BookAsync((await QueueTestData.NewLockedAsync(app)).AccountId, BookingApp.Key(start), default, agency))).Outcome;

        var cuenca = new List<BookingOutcome>();
        for (var i = 0; i < 3; i++)
        {
            cuenca.Add(await Book("cuenca"));
        }

        Assert.Equal([BookingOutcome.Booked, BookingOutcome.Booked, BookingOutcome.SlotFull], cuenca);
        Assert.Equal(BookingOutcome.Booked, await Book("quito-centro"));
        Assert.Equal(BookingOutcome.Booked, await Book(null));
        Assert.Equal(BookingOutcome.SlotNotOffered, await Book("agencia-que-no-existe"));
        var counters = await app.WithDbAsync(db => db.BookingSlots.Where(s => s.SlotKey == BookingApp.Key(start)).ToDictionaryAsync(s => s.Resource, s => s.Booked));
        Assert.Equal(new Dictionary<string, int> { ["agency:cuenca"] = 2, ["agency:quito-centro"] = 1, [BookingSlot.VideoDesk] = 1 }, counters);
    }

    [Fact]
    public async Task Appointment_NeverEntersTheQueue_AndIsANoShowUnlessTheWindowServedTheAccount()
    {
        await QueueTestSupport.DrainAsync(app);
        var start = BookingApp.SlotStart(app.Monday.AddDays(1), 10, 0);
        var kept = await BookWindowAsync(start);
        var missed = await BookWindowAsync(start);

        app.Time.SetUtcNow(start.AddMinutes(1));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<BookingCheckInJob>().RunAsync(kept.Id, 0, default)));
        Assert.False(await app.WithDbAsync(db => db.QueueTickets.AnyAsync(t => t.AccountId == kept.AccountId || t.AccountId == missed.AccountId)));
        await app.WithDbAsync(async db =>
        {
            // What the window mode records when it serves the person (its own tests cover how).
            db.Cases.Add(new UnlockCase { Id = Guid.NewGuid(), AccountId = kept.AccountId, Channel = CaseChannel.Window, Status = CaseStatus.Unlocked, OpenedAt = start.AddMinutes(5), ClosedAt = start.AddMinutes(15) });
            return await db.SaveChangesAsync();
        });
        Assert.Null(await SettleAsync(kept.Id)); // too early: the visit may still be recorded

        app.Time.SetUtcNow(start.AddMinutes(20 + 30));
        Assert.Equal(BookingStatus.Attended, await SettleAsync(kept.Id));
        Assert.Equal(BookingStatus.NoShow, await SettleAsync(missed.Id));
    }

    private async Task<CallBooking> BookWindowAsync(DateTimeOffset start)
    {
        var who = await QueueTestData.NewLockedAsync(app);
        var result = await app.InScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(who.AccountId, BookingApp.Key(start), default, "quito-centro"));
        Assert.Equal(BookingOutcome.Booked, result.Outcome);
        return result.Booking!;
    }

    private Task<BookingStatus?> SettleAsync(Guid bookingId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<BookingSettleJob>().RunAsync(bookingId, default));
}
