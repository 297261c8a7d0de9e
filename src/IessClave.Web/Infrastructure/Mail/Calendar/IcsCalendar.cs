using System.Globalization;
using System.Text;

namespace IessClave.Web.Infrastructure.Mail.Calendar;

/// <summary>
/// Writes an RFC 5545 VCALENDAR with one VEVENT as an iTIP invitation (METHOD:REQUEST) or cancellation
/// (METHOD:CANCEL). Times are UTC (<c>yyyyMMddTHHmmssZ</c>); TEXT values are escaped and lines folded.
/// </summary>
public static class IcsCalendar
{
    public const string ProductId = "-//IESS//IessClave//ES";

    /// <summary>The MIME type of the file, naming the method as RFC 6047 asks.</summary>
    public static string ContentType(IcsMethod method) => $"text/calendar; charset=utf-8; method={Method(method)}";

    /// <summary>The calendar as text; <paramref name="stamp"/> (DTSTAMP) is when this message is made.</summary>
    public static string Write(IcsEvent ev, IcsMethod method, DateTimeOffset stamp)
    {
        Validate(ev);
        var link = ev.Link.AbsoluteUri;
        var cancel = method == IcsMethod.Cancel;
        var sb = new StringBuilder();
        void Line(string contentLine) => sb.Append(IcsText.Fold(contentLine));

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:" + ProductId);
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:" + Method(method));
        Line("BEGIN:VEVENT");
        Line("UID:" + IcsText.Escape(ev.Uid));
        Line("SEQUENCE:" + ev.Sequence.ToString(CultureInfo.InvariantCulture));
        Line("DTSTAMP:" + Utc(stamp));
        Line("DTSTART:" + Utc(ev.Start));
        Line("DTEND:" + Utc(ev.End));
        Line("SUMMARY:" + IcsText.Escape(ev.Summary));
        Line("DESCRIPTION:" + IcsText.Escape(ev.Description));
        Line("LOCATION:" + IcsText.Escape(link));
        Line("URL:" + link);
        Line($"ORGANIZER;CN=\"{ev.OrganizerName}\":mailto:{ev.OrganizerEmail}");
        Line($"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={(cancel ? "DECLINED" : "NEEDS-ACTION")};RSVP=FALSE:mailto:{ev.AttendeeEmail}");
        Line("STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
        Line("TRANSP:OPAQUE");
        foreach (var before in cancel ? Array.Empty<TimeSpan>() : ev.Reminders)
        {
            Line("BEGIN:VALARM");
            Line("ACTION:DISPLAY");
            Line("DESCRIPTION:" + IcsText.Escape(ev.ReminderText ?? ev.Summary));
            Line("TRIGGER;RELATED=START:" + Duration(before));
            Line("END:VALARM");
        }

        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>The calendar as a mail attachment (UTF-8, no byte-order mark).</summary>
    public static MailAttachment ToAttachment(IcsEvent ev, IcsMethod method, DateTimeOffset stamp, string fileName) =>
        new(fileName, ContentType(method), new UTF8Encoding(false).GetBytes(Write(ev, method, stamp)));

    /// <summary><c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    public static string Utc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A negative duration before the start: <c>-PT24H</c>, <c>-PT15M</c>, <c>-PT90S</c>.</summary>
    public static string Duration(TimeSpan before)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(before, TimeSpan.Zero);
        var seconds = (long)before.TotalSeconds;
        return seconds % 3600 == 0 ? $"-PT{seconds / 3600}H"
            : seconds % 60 == 0 ? $"-PT{seconds / 60}M"
            : $"-PT{seconds}S";
    }

    private static string Method(IcsMethod method) => method switch
    {
        IcsMethod.Request => "REQUEST",
        IcsMethod.Cancel => "CANCEL",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    private static void Validate(IcsEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentException.ThrowIfNullOrWhiteSpace(ev.Uid);
        ArgumentOutOfRangeException.ThrowIfNegative(ev.Sequence);
        if (ev.End <= ev.Start)
        {
            throw new ArgumentException("An event ends after it starts.", nameof(ev));
        }

        if (!ev.Link.IsAbsoluteUri || ev.Link.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("The link must be an absolute http(s) URL.", nameof(ev));
        }

        CalAddress(ev.OrganizerEmail, nameof(ev.OrganizerEmail));
        CalAddress(ev.AttendeeEmail, nameof(ev.AttendeeEmail));
        if (ev.OrganizerName.Any(c => c == '"' || char.IsControl(c)))
        {
            throw new ArgumentException("The organizer name must not contain quotes or control characters.", nameof(ev));
        }
    }

    /// <summary>One plain address that needs no quoting after <c>mailto:</c>.</summary>
    private static void CalAddress(string address, string field)
    {
        MimeMessageFactory.Mailbox(null, address, field);
        if (address.Any(c => c is ';' or ',' or ':' or '"' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"{field} must be a plain address.", field);
        }
    }
}
