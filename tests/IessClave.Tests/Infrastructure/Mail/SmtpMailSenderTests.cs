using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class SmtpMailSenderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SendAsync_ToRealSmtpServer_DeliversBothPartsWithStableMessageId()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var content = new MailTemplateRenderer().Render(MailSamples.Activation(), "es");
        var envelope = new MailEnvelope("activation.42@iess.local", "maria@example.ec", "María José Pérez", content);

        await CreateSender(smtp).SendAsync(envelope, CancellationToken.None);
        var message = await smtp.WaitForMessageAsync(m => m.MessageId == "activation.42@iess.local", Timeout);

        Assert.Equal("Active su clave del IESS", message.Subject);
        Assert.Equal("no-responder@iess.local", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("IESS Clave", message.From.Mailboxes.Single().Name);
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal(("maria@example.ec", "María José Pérez"), (to.Address, to.Name));
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
        Assert.Equal(content.TextBody.TrimEnd(), message.TextBody?.TrimEnd());
        Assert.Equal(content.HtmlBody.TrimEnd(), message.HtmlBody?.TrimEnd());
        var envelopeSeen = Assert.Single(smtp.Received);
        Assert.Equal(["maria@example.ec"], envelopeSeen.RcptTo);
    }

    [Fact]
    public async Task SendAsync_SameEnvelopeTwice_BothCopiesCarryTheSameMessageId()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var sender = CreateSender(smtp);
        var envelope = new MailEnvelope("lockout.7@iess.local", "juan@example.ec", null, new RenderedMail("Asunto", "<p>x</p>", "x"));

        await sender.SendAsync(envelope, CancellationToken.None);
        await sender.SendAsync(envelope, CancellationToken.None);

        Assert.Equal(2, smtp.Messages.Count);
        Assert.All(smtp.Messages, m => Assert.Equal("lockout.7@iess.local", m.MessageId));
    }

    [Theory]
    [InlineData("victim@example.ec\r\nBcc: attacker@example.com", null)]
    [InlineData("victim@example.ec, other@example.com", null)]
    [InlineData("Name <victim@example.ec>", null)]
    [InlineData("victim@example.ec", "Ana\r\nBcc: attacker@example.com")]
    public async Task SendAsync_WhenRecipientCouldInjectHeaders_ThrowsArgumentException(string to, string? toName)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var envelope = new MailEnvelope("x.1@iess.local", to, toName, new RenderedMail("Asunto", "<p>x</p>", "x"));

        await Assert.ThrowsAsync<ArgumentException>(() => CreateSender(smtp).SendAsync(envelope, CancellationToken.None));
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a b@iess.local")]
    [InlineData("x@iess.local\r\nBcc: a@b.c")]
    public async Task SendAsync_WhenMessageIdInvalid_ThrowsArgumentException(string messageId)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var envelope = new MailEnvelope(messageId, "ana@example.ec", null, new RenderedMail("Asunto", "<p>x</p>", "x"));

        await Assert.ThrowsAsync<ArgumentException>(() => CreateSender(smtp).SendAsync(envelope, CancellationToken.None));
    }

    private static SmtpMailSender CreateSender(SmtpTestServer smtp)
    {
        var options = new MailOptions
        {
            Delivery = MailDelivery.Smtp,
            Smtp = new SmtpOptions { Host = smtp.Host, Port = smtp.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
        };
        return new SmtpMailSender(Options.Create(options), new FakeTimeProvider(MailSamples.Moment), NullLogger<SmtpMailSender>.Instance);
    }
}
