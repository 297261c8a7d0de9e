using IessClave.Web.Infrastructure.Mail;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class OutboxMailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "iessclave-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(MailSamples.Moment);

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_SameMessageIdTwice_LeavesOneFile()
    {
        var sender = CreateSender();

        await sender.SendAsync(Envelope("activation.1@iess.local", "Primera"), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        await sender.SendAsync(Envelope("activation.1@iess.local", "Segunda"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("20250315153000000-activation.1@iess.local.eml", Path.GetFileName(file));
        Assert.Equal("Segunda", sender.Read(Path.GetFileName(file))!.Subject);
    }

    [Fact]
    public async Task List_AfterTwoMails_ReturnsNewestFirstWithContent()
    {
        var sender = CreateSender();
        var content = new MailTemplateRenderer().Render(MailSamples.Activation(), "es");
        await sender.SendAsync(new MailEnvelope("activation.1@iess.local", "ana@example.ec", "Ana", content), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await sender.SendAsync(Envelope("lockout.2@iess.local", "Bloqueo"), CancellationToken.None);

        var entries = sender.List(10);

        Assert.Equal(["lockout.2@iess.local", "activation.1@iess.local"], entries.Select(e => e.MessageId));
        Assert.Single(sender.List(1));
        var activation = entries[1];
        Assert.Equal("ana@example.ec", activation.To);
        Assert.Equal(content.Subject, activation.Subject);
        Assert.Equal(MailSamples.Moment, activation.Date);
        Assert.Contains("https://clave.iess.local/activar/abc123", activation.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://clave.iess.local/activar/abc123\"", activation.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(activation, sender.Read(activation.FileName));
    }

    [Fact]
    public void List_WhenFolderDoesNotExist_ReturnsEmpty() => Assert.Empty(CreateSender().List(10));

    [Fact]
    public void Read_WhenFileAbsent_ReturnsNull() =>
        Assert.Null(CreateSender().Read("20250315153000000-nothing@iess.local.eml"));

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("20250315153000000-../../x.eml")]
    [InlineData("20250315153000000-..eml")]
    [InlineData("notes.txt")]
    public void Read_WhenNameIsNotAnOutboxFile_Throws(string fileName) =>
        Assert.Throws<ArgumentException>(() => CreateSender().Read(fileName));

    private OutboxMailSender CreateSender() => new(Options.Create(new MailOptions()), folder, time);

    private static MailEnvelope Envelope(string messageId, string subject) =>
        new(messageId, "ana@example.ec", null, new RenderedMail(subject, "<p>hola</p>", "hola"));
}
