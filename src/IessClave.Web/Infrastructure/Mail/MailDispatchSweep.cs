using Hangfire;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>Re-dispatches mails that were committed but never handed to a job (the process died in between).</summary>
public sealed class MailDispatchSweep(IessClaveDbContext db, TimeProvider time, IBackgroundJobClient jobs)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - Grace;
        var orphans = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.Attempts == 0 && m.CreatedAt < cutoff)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(500).ToListAsync(ct);
        foreach (var id in orphans)
        {
            jobs.Enqueue<SendMailJob>(j => j.RunAsync(id, CancellationToken.None));
        }

        return orphans.Count;
    }
}
