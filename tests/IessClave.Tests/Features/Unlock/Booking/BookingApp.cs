using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Booking;
using MimeKit;

namespace IessClave.Tests.Features.Unlock.Booking;

/// <summary>
/// The app with its clock on a Monday at 07:00 in Ecuador (12:00 UTC), before the first slot (08:00), so
/// every test books real slots of that week; capacity 2 per slot (the default).
/// </summary>
public partial class BookingApp : PostgresApp
{
    public static readonly TimeSpan Ecuador = TimeSpan.FromHours(-5);

    public DateOnly Monday { get; private set; }

    protected override Task AfterStartAsync()
    {
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        Monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        Time.SetUtcNow(new DateTimeOffset(Monday.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        return Task.CompletedTask;
    }

    /// <summary>The start of the slot at <paramref name="localTime"/> (Ecuador) on <paramref name="day"/>.</summary>
    public static DateTimeOffset SlotStart(DateOnly day, int hour, int minute = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Ecuador).ToUniversalTime();

    public static long Key(DateTimeOffset start) => start.ToUnixTimeSeconds();

    public static string DayValue(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Proves identity on /desbloquear/cita as the page's form does; returns the slot page's HTML.</summary>
    public async Task<string> ProveAsync(HttpClient client, LockedAffiliate who, DateOnly day)
    {
        var form = await client.GetStringAsync("/desbloquear/cita");
        var (status, _, location) = await HtmlForms.PostAsync(client, form, "/desbloquear/cita", new Dictionary<string, string?>
        {
            ["Identification"] = who.Identification,
            ["BirthDate"] = who.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["altcha"] = await RobotProofAsync(client),
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/desbloquear/cita/horario", location?.OriginalString);
        return await client.GetStringAsync($"/desbloquear/cita/horario?dia={DayValue(day)}");
    }

    /// <summary>Books the slot through the pages; returns the POST's status, HTML and redirect (the manage link on success).</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> BookAsync(HttpClient client, LockedAffiliate who, DateTimeOffset start, DateOnly? pageDay = null)
    {
        var page = await ProveAsync(client, who, pageDay ?? DateOnly.FromDateTime(start.ToOffset(Ecuador).DateTime));
        return await HtmlForms.PostAsync(client, page, "/desbloquear/cita/horario", new Dictionary<string, string?> { ["Slot"] = Key(start).ToString(CultureInfo.InvariantCulture) });
    }

    public Task<MimeMessage> MailAsync(string email, string subjectPart) =>
        Smtp.WaitForMessageAsync(m => Flows.IsTo(m, email) && (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal), Flows.MailTimeout);

    public Task<List<CallBooking>> BookingsOfAsync(Guid accountId) =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Bookings.Where(b => b.AccountId == accountId)));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static string ManageToken(MimeMessage mail)
    {
        var match = ManageLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "No manage link in: " + mail.TextBody);
        return match.Groups["t"].Value;
    }

    public static string Ics(MimeMessage mail)
    {
        var part = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == BookingConfirmationMail.FileName);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        // Unfold (RFC 5545 §3.1) so assertions can look for whole lines.
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/desbloquear/cita/gestionar\?t=(?<t>[A-Za-z0-9_\-]+)")]
    private static partial Regex ManageLink();
}
