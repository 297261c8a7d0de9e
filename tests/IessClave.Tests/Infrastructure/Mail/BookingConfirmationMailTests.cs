using System.Text;
using System.Text.Json;
using IessClave.Tests.Infrastructure.Mail.Calendar;
using IessClave.Tests.Support;
using IessClave.Web.Features.Unlock.Booking;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class BookingConfirmationMailTests : IDisposable
{
    private readonly FakeTimeProvider time = new(MailSamples.Moment.AddDays(-2));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "iessclave-ics-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Render_BookingConfirmation_SaysWhenAndHowAndAttachesTheInvitation()
    {
        var model = MailSamples.BookingConfirmation();

        var mail = new MailTemplateRenderer(time: time).Render(model, "es");

        Assert.Equal("Su cita con el IESS está agendada", mail.Subject);
        Assert.Contains("por videollamada", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Inicio: 15/03/2025 10:30", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Fin: 15/03/2025 11:00", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("24 horas y otro 15 minutos antes", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(model.JoinLink, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(model.ManageLink, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://clave.iess.local/cita/gestionar?t=def&amp;y=&lt;b&gt;\"", mail.HtmlBody, StringComparison.Ordinal);
        var ics = Assert.Single(mail.Attachments);
        Assert.Equal(("cita-iess.ics", "text/calendar; charset=utf-8; method=REQUEST"), (ics.FileName, ics.ContentType));
        var lines = IcsParsing.Unfold(Encoding.UTF8.GetString(ics.Content));
        Assert.Contains("UID:6f1c2d3e4b5a4c7d8e9fa0b1c2d3e4f5@iessclave", lines);
        Assert.Contains("DTSTAMP:20250313T153000Z", lines);
        Assert.Contains("DTSTART:20250315T153000Z", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Ñauñay", StringComparison.Ordinal) || l.Contains("gestionar", StringComparison.Ordinal));
    }

    [Fact]
    public void StoredModel_AfterJsonRoundTrip_BuildsTheSameAttachmentAndStoresNoFile()
    {
        var model = MailSamples.BookingConfirmation(sequence: 4);
        var stored = new StoredMailModel(nameof(BookingConfirmationMail), JsonSerializer.SerializeToElement(model));

        var back = MailModelTypes.Deserialize(JsonSerializer.Deserialize<StoredMailModel>(JsonSerializer.Serialize(stored))!);

        Assert.Equal(model, back);
        Assert.DoesNotContain("VCALENDAR", stored.Model.GetRawText(), StringComparison.Ordinal);
        var ics = Encoding.UTF8.GetString(((IMailWithAttachments)back).Attachments(time.GetUtcNow()).Single().Content);
        Assert.Contains("SEQUENCE:4", IcsParsing.Unfold(ics));
    }

    [Fact]
    public async Task SendAsync_BookingConfirmationToRealSmtpServer_CarriesTextHtmlAndTheIcsFile()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var content = new MailTemplateRenderer(time: time).Render(MailSamples.BookingConfirmation(), "es");
        var sender = new SmtpMailSender(Options.Create(SmtpOptionsFor(smtp)), time, NullLogger<SmtpMailSender>.Instance);

        await sender.SendAsync(new MailEnvelope("booking.1@iess.local", "luis@example.ec", null, content), CancellationToken.None);
        var message = await smtp.WaitForMessageAsync(m => m.MessageId == "booking.1@iess.local", TimeSpan.FromSeconds(15));

        Assert.Equal("multipart/mixed", message.Body?.ContentType.MimeType);
        var parts = ((Multipart)message.Body!).ToList();
        Assert.Equal("multipart/alternative", parts[0].ContentType.MimeType);
        Assert.Equal(content.TextBody.TrimEnd(), message.TextBody?.TrimEnd());
        Assert.Equal(content.HtmlBody.TrimEnd(), message.HtmlBody?.TrimEnd());
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("cita-iess.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        var lines = IcsParsing.Unfold(Decode(attachment));
        Assert.Contains("UID:" + BookingConfirmationMail.UidFor(MailSamples.BookingConfirmation().BookingId), lines);
        Assert.Contains("DTSTART:20250315T153000Z", lines);
        Assert.Contains("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:luis@example.ec", lines);
    }

    [Fact]
    public async Task SendAsync_BookingConfirmationToOutbox_WritesTheIcsFileAndListsIt()
    {
        var sender = new OutboxMailSender(Options.Create(new MailOptions()), folder, time);
        var content = new MailTemplateRenderer(time: time).Render(MailSamples.BookingConfirmation(), "en");

        await sender.SendAsync(new MailEnvelope("booking.2@iess.local", "luis@example.ec", null, content), CancellationToken.None);

        var entry = Assert.Single(sender.List(10));
        Assert.Equal("cita-iess.ics", entry.AttachmentNames);
        Assert.Equal("Your appointment with the IESS is booked", entry.Subject);
        using var message = MimeMessage.Load(Path.Combine(folder, entry.FileName));
        var ics = Decode(Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments)));
        Assert.Contains("METHOD:REQUEST", IcsParsing.Unfold(ics));
    }

    internal static MailOptions SmtpOptionsFor(SmtpTestServer smtp) => new()
    {
        Delivery = MailDelivery.Smtp,
        Smtp = new SmtpOptions { Host = smtp.Host, Port = smtp.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
    };

    private static string Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
