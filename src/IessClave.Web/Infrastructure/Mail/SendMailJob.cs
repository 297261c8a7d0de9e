using System.Text.Json;
using Hangfire;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// Sends one stored mail. Safe to run twice: a sent mail is skipped, and a re-send after a crash between
/// delivery and bookkeeping carries the same Message-ID, so receivers can tell it is the same message.
/// </summary>
public sealed class SendMailJob(
    IessClaveDbContext db,
    IDataProtectionProvider protection,
    MailTemplateRenderer renderer,
    IMailSender sender,
    TimeProvider time,
    ILogger<SendMailJob> logger)
{
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1200])]
    public async Task RunAsync(Guid mailId, CancellationToken ct)
    {
        var mail = await db.OutgoingMails.FindAsync([mailId], ct);
        if (mail is null || mail.SentAt is not null || mail.ProtectedModel is null)
        {
            return;
        }

        mail.Attempts++;
        var json = protection.CreateProtector(MailQueue.ProtectorPurpose).Unprotect(mail.ProtectedModel);
        var model = MailModelTypes.Deserialize(JsonSerializer.Deserialize<StoredMailModel>(json)!);
        var content = renderer.Render(model, mail.Culture);
        try
        {
            await sender.SendAsync(new MailEnvelope(mail.MessageId, mail.ToAddress, mail.ToName, content), ct);
        }
        catch (Exception ex)
        {
            mail.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Mail {MailId} ({Template}) attempt {Attempt} failed: {ErrorType}", mail.Id, mail.TemplateName, mail.Attempts, ex.GetType().Name);
            throw;
        }

        mail.SentAt = time.GetUtcNow();
        mail.ProtectedModel = null;
        mail.LastError = null;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Mail {MailId} ({Template}) sent", mail.Id, mail.TemplateName);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
