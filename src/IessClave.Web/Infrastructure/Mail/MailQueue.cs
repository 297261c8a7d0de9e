using System.Text.Json;
using Hangfire;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// Puts a typed mail into the current unit of work (so it commits with the change that caused it) and, after
/// the commit, hands it to a Hangfire job. The model is encrypted at rest because it may carry a link token.
/// </summary>
public sealed class MailQueue(IessClaveDbContext db, IDataProtectionProvider protection, TimeProvider time, IBackgroundJobClient jobs)
{
    public const string ProtectorPurpose = "IessClave.OutgoingMail.v1";

    public OutgoingMail Add<TModel>(TModel model, string toAddress, string? toName, string culture, Guid? accountId)
        where TModel : IMailModel
    {
        var id = Guid.NewGuid();
        var envelope = new StoredMailModel(typeof(TModel).Name, JsonSerializer.SerializeToElement(model));
        var mail = new OutgoingMail
        {
            Id = id,
            MessageId = $"{id:N}@iessclave",
            AccountId = accountId,
            TemplateName = model.TemplateName,
            Culture = culture,
            ToAddress = toAddress,
            ToName = toName,
            ProtectedModel = protection.CreateProtector(ProtectorPurpose).Protect(JsonSerializer.Serialize(envelope)),
            CreatedAt = time.GetUtcNow(),
        };
        db.OutgoingMails.Add(mail);
        return mail;
    }

    /// <summary>Call after SaveChanges. If the process dies before this, <see cref="MailDispatchSweep"/> picks the mail up.</summary>
    public void Dispatch(OutgoingMail mail) => jobs.Enqueue<SendMailJob>(j => j.RunAsync(mail.Id, CancellationToken.None));
}

public sealed record StoredMailModel(string Type, JsonElement Model);
