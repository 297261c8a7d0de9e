using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class MailAttachmentTests
{
    [Theory]
    [InlineData("")]
    [InlineData(".ics")]
    [InlineData("../cita.ics")]
    [InlineData("cita iess.ics")]
    [InlineData("cita\r\n.ics")]
    [InlineData("citá.ics")]
    public void New_WhenFileNameIsNotPlainAscii_Throws(string fileName) =>
        Assert.Throws<ArgumentException>(() => new MailAttachment(fileName, "text/plain", [1]));

    [Fact]
    public void New_WhenTooLongOrTooBig_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MailAttachment(new string('a', 101), "text/plain", [1]));
        Assert.Throws<ArgumentException>(() => new MailAttachment("a.bin", "application/octet-stream", new byte[MailAttachment.MaxContentBytes + 1]));
        Assert.Throws<ArgumentException>(() => new MailAttachment("a.txt", "text/plain\r\nBcc: x@y.z", [1]));
    }

    [Fact]
    public void New_AtTheLimits_IsAcceptedAndComparesByContent()
    {
        var a = new MailAttachment(new string('a', 100), "application/octet-stream", new byte[MailAttachment.MaxContentBytes]);
        var b = new MailAttachment(new string('a', 100), "application/octet-stream", new byte[MailAttachment.MaxContentBytes]);

        Assert.Equal(a, b);
        Assert.Equal(new RenderedMail("s", "h", "t", [a]), new RenderedMail("s", "h", "t", [b]));
        Assert.NotEqual(new RenderedMail("s", "h", "t", [a]), new RenderedMail("s", "h", "t"));
    }

    [Fact]
    public async Task SendAsync_WhenMailHasNoAttachments_KeepsMultipartAlternative()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var time = new FakeTimeProvider(MailSamples.Moment);
        var content = new MailTemplateRenderer(time: time).Render(MailSamples.Activation(), "es");
        var sender = new SmtpMailSender(Options.Create(BookingConfirmationMailTests.SmtpOptionsFor(smtp)), time, NullLogger<SmtpMailSender>.Instance);

        await sender.SendAsync(new MailEnvelope("plain.1@iess.local", "ana@example.ec", null, content), CancellationToken.None);
        var message = await smtp.WaitForMessageAsync(m => m.MessageId == "plain.1@iess.local", TimeSpan.FromSeconds(15));

        Assert.Empty(content.Attachments);
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
        Assert.Equal(["text/plain", "text/html"], ((MimeKit.Multipart)message.Body!).Select(p => p.ContentType.MimeType));
        Assert.Empty(message.Attachments);
    }
}
