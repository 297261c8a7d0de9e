using IessClave.Tests.Support;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Booking;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Infrastructure.Mail;

[Collection(PostgresCollection.Name)]
public sealed class MailJobTests(SharedPostgresApp app)
{
    [Fact]
    public async Task SendMailJob_RunTwice_SendsOnceAndErasesTheModel()
    {
        var to = $"dos.veces.{Guid.NewGuid():N}@correo.test";
        var mailId = await QueueWithoutDispatchAsync(to);

        await RunJobAsync(mailId);
        await RunJobAsync(mailId);

        var mail = await app.WithDbAsync(db => db.OutgoingMails.SingleAsync(m => m.Id == mailId));
        Assert.NotNull(mail.SentAt);
        Assert.Null(mail.ProtectedModel);
        Assert.Single(app.Smtp.Messages, m => Flows.IsTo(m, to));
        Assert.Equal(mail.MessageId, app.Smtp.Messages.Single(m => Flows.IsTo(m, to)).MessageId);
    }

    [Fact]
    public async Task SendMailJob_BookingConfirmation_BuildsTheIcsAtSendTime()
    {
        var to = $"cita.{Guid.NewGuid():N}@correo.test";
        var model = MailSamples.BookingConfirmation() with { AttendeeEmail = to };
        Guid mailId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mail = scope.ServiceProvider.GetRequiredService<MailQueue>().Add(model, to, null, "es", null);
            await scope.ServiceProvider.GetRequiredService<IessClaveDbContext>().SaveChangesAsync();
            mailId = mail.Id;
        }

        await RunJobAsync(mailId);

        var received = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, to), Flows.MailTimeout);
        var ics = Assert.Single(received.Attachments);
        Assert.Equal(BookingConfirmationMail.FileName, ics.ContentDisposition?.FileName);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
    }

    [Fact]
    public async Task QueuedMail_AtRest_DoesNotContainTheLinkToken()
    {
        var to = $"cifrado.{Guid.NewGuid():N}@correo.test";
        var mailId = await QueueWithoutDispatchAsync(to, link: "http://localhost/clave/activar?t=SECRET-TOKEN-VALUE");

        var stored = await app.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == mailId).Select(m => m.ProtectedModel).SingleAsync());

        Assert.NotNull(stored);
        Assert.DoesNotContain("SECRET-TOKEN-VALUE", stored);
    }

    [Fact]
    public async Task DispatchSweep_PicksUpAMailCommittedButNeverEnqueued()
    {
        var to = $"huerfano.{Guid.NewGuid():N}@correo.test";
        await QueueWithoutDispatchAsync(to);
        app.Time.Advance(MailDispatchSweep.Grace + TimeSpan.FromSeconds(1));

        await using var scope = app.Services.CreateAsyncScope();
        var swept = await scope.ServiceProvider.GetRequiredService<MailDispatchSweep>().RunAsync(CancellationToken.None);

        Assert.True(swept >= 1);
        await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, to), Flows.MailTimeout);
    }

    [Fact]
    public async Task SendMailJob_WhenSmtpRefuses_RecordsTheErrorAndKeepsTheMailForRetry()
    {
        var to = $"falla.{Guid.NewGuid():N}@correo.test";
        var mailId = await QueueWithoutDispatchAsync(to);
        await app.Smtp.StopAsync();
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => RunJobAsync(mailId));
        }
        finally
        {
            await app.Smtp.RestartAsync();
        }

        var mail = await app.WithDbAsync(db => db.OutgoingMails.SingleAsync(m => m.Id == mailId));
        Assert.Null(mail.SentAt);
        Assert.NotNull(mail.ProtectedModel);
        Assert.Equal(1, mail.Attempts);
        Assert.NotNull(mail.LastError);

        await RunJobAsync(mailId);
        Assert.Single(app.Smtp.Messages, m => Flows.IsTo(m, to));
    }

    private async Task<Guid> QueueWithoutDispatchAsync(string to, string link = "http://localhost/clave/activar?t=x")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<MailQueue>();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var mail = queue.Add(new ActivationMail("Prueba Correo", link, app.Time.GetUtcNow().AddMinutes(15), 15), to, "Prueba Correo", "es", null);
        await db.SaveChangesAsync();
        return mail.Id;
    }

    private async Task RunJobAsync(Guid mailId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendMailJob>().RunAsync(mailId, CancellationToken.None);
    }
}
