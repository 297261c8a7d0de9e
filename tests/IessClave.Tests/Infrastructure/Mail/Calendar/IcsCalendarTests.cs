using IessClave.Web.Infrastructure.Mail.Calendar;

namespace IessClave.Tests.Infrastructure.Mail.Calendar;

public sealed class IcsCalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2025, 3, 10, 12, 0, 5, TimeSpan.Zero);

    private static readonly IcsEvent Event = new(
        "6f1c2d3e@iessclave",
        2,
        new DateTimeOffset(2025, 3, 15, 10, 30, 0, TimeSpan.FromHours(-5)),
        new DateTimeOffset(2025, 3, 15, 11, 0, 0, TimeSpan.FromHours(-5)),
        "Videollamada con el IESS: desbloqueo de clave",
        "Únase, con calma; aquí: \\ fin\nsegunda línea " + new string('é', 60),
        new Uri("https://clave.iess.local/sala/unirse?t=abc,def"),
        "no-responder@iess.local",
        "IESS",
        "ana@example.ec");

    [Fact]
    public void Write_Request_HasTheInvitationPropertiesInUtc()
    {
        var lines = IcsParsing.Unfold(IcsCalendar.Write(Event, IcsMethod.Request, Stamp));

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("UID:6f1c2d3e@iessclave", lines);
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains("DTSTAMP:20250310T120005Z", lines);
        Assert.Contains("DTSTART:20250315T153000Z", lines);
        Assert.Contains("DTEND:20250315T160000Z", lines);
        Assert.Contains("SUMMARY:Videollamada con el IESS: desbloqueo de clave", lines);
        Assert.Contains(@"DESCRIPTION:Únase\, con calma\; aquí: \\ fin\nsegunda línea " + new string('é', 60), lines);
        Assert.Contains(@"LOCATION:https://clave.iess.local/sala/unirse?t=abc\,def", lines);
        Assert.Contains("URL:https://clave.iess.local/sala/unirse?t=abc,def", lines);
        Assert.Contains("ORGANIZER;CN=\"IESS\":mailto:no-responder@iess.local", lines);
        Assert.Contains(lines, l => l.StartsWith("ATTENDEE;", StringComparison.Ordinal) && l.Contains(";RSVP=FALSE:mailto:ana@example.ec", StringComparison.Ordinal));
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Equal(["TRIGGER;RELATED=START:-PT24H", "TRIGGER;RELATED=START:-PT15M"], lines.Where(l => l.StartsWith("TRIGGER", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VALARM"));
        Assert.Equal(2, lines.Count(l => l == "ACTION:DISPLAY"));
    }

    [Fact]
    public void Write_Always_UsesCrlfAndFoldsTo75Octets()
    {
        var text = IcsCalendar.Write(Event, IcsMethod.Request, Stamp);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text[..^2].Split("\r\n"), l => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Cancel_IsCancelledWithoutReminders()
    {
        var lines = IcsParsing.Unfold(IcsCalendar.Write(Event with { Sequence = 3 }, IcsMethod.Cancel, Stamp));

        Assert.Contains("METHOD:CANCEL", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("UID:6f1c2d3e@iessclave", lines);
        Assert.Contains("SEQUENCE:3", lines);
        Assert.DoesNotContain("BEGIN:VALARM", lines);
        Assert.Equal("text/calendar; charset=utf-8; method=CANCEL", IcsCalendar.ContentType(IcsMethod.Cancel));
    }

    [Fact]
    public void Write_SameEventTwice_KeepsTheUidAndDiffersOnlyInTheStamp()
    {
        var first = IcsCalendar.Write(Event, IcsMethod.Request, Stamp);
        var later = IcsCalendar.Write(Event, IcsMethod.Request, Stamp.AddHours(1));

        Assert.Equal(first.Replace("DTSTAMP:20250310T120005Z", "DTSTAMP:20250310T130005Z", StringComparison.Ordinal), later);
    }

    [Theory]
    [InlineData("ana@example.ec;x=y")]
    [InlineData("ana@example.ec\r\nATTENDEE:mailto:b@c.d")]
    [InlineData("not an address")]
    public void Write_WhenAttendeeCouldInjectProperties_Throws(string attendee) =>
        Assert.Throws<ArgumentException>(() => IcsCalendar.Write(Event with { AttendeeEmail = attendee }, IcsMethod.Request, Stamp));

    [Fact]
    public void Write_WhenEventEndsBeforeItStarts_Throws() =>
        Assert.Throws<ArgumentException>(() => IcsCalendar.Write(Event with { End = Event.Start }, IcsMethod.Request, Stamp));

    [Theory]
    [InlineData(24 * 60, "-PT24H")]
    [InlineData(15, "-PT15M")]
    [InlineData(90, "-PT90M")]
    public void Duration_WhenMinutes_WritesTheShortestForm(int minutes, string expected) =>
        Assert.Equal(expected, IcsCalendar.Duration(TimeSpan.FromMinutes(minutes)));
}

/// <summary>Reads an iCalendar text back into unfolded content lines.</summary>
internal static class IcsParsing
{
    public static List<string> Unfold(string ics) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
}
