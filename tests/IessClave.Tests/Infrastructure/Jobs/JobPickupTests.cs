using System.Diagnostics;
using Hangfire;
using IessClave.Tests.Support;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Jobs;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IessClave.Tests.Infrastructure.Jobs;

/// <summary>Idle workers look at the queue only every 15 s, yet a new job runs at once: LISTEN/NOTIFY wakes them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JobPickupTests(SharedPostgresApp app)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    [Fact]
    public void TheQueuePoll_IsSlow_AndLongPollingIsOn()
    {
        var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var storage = JobsServiceCollectionExtensions.PostgresStorageOptions(jobs);

        Assert.True(storage.EnableLongPolling);
        Assert.Equal(TimeSpan.FromSeconds(15), storage.QueuePollInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), jobs.PollInterval);
    }

    [Fact]
    public async Task AMailDispatched_IsSentWithinSeconds()
    {
        var to = $"pronto.{Guid.NewGuid():N}@correo.test";
        await WorkersIdleAsync();
        var clock = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<MailQueue>();
            var mail = queue.Add(Mail(), to, "Prueba Correo", "es", null);
            await scope.ServiceProvider.GetRequiredService<IessClaveDbContext>().SaveChangesAsync();
            queue.Dispatch(mail);
        }

        await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, to), Prompt);
        Assert.True(clock.Elapsed < Prompt, $"sent after {clock.Elapsed}");
    }

    /// <summary>As another node would: the job goes into the queue and NOTIFY is sent, nothing else happens in this process.</summary>
    [Fact]
    public async Task AJobEnqueuedByAnotherProcess_IsPickedUpAtOnce()
    {
        var to = $"otro.nodo.{Guid.NewGuid():N}@correo.test";
        Guid mailId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mail = scope.ServiceProvider.GetRequiredService<MailQueue>().Add(Mail(), to, "Prueba Correo", "es", null);
            await scope.ServiceProvider.GetRequiredService<IessClaveDbContext>().SaveChangesAsync();
            mailId = mail.Id;
        }

        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Schedule<SendMailJob>(j => j.RunAsync(mailId, CancellationToken.None), TimeSpan.FromDays(1));
        await WorkersIdleAsync();
        var schema = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Schema;
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"""
                UPDATE "{schema}"."job" SET "statename" = 'Enqueued' WHERE "id" = @id;
                INSERT INTO "{schema}"."jobqueue" ("jobid", "queue") VALUES (@id, 'default');
                NOTIFY new_job;
                """, connection);
            command.Parameters.AddWithValue("id", long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync();
        }

        await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, to), Prompt);
        // The job records the sending just after the SMTP conversation ends.
        await Eventually.TrueAsync(
            async () => await app.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == mailId).Select(m => m.SentAt).SingleAsync()) is not null,
            "the job recorded the mail as sent");
    }

    private ActivationMail Mail() => new("Prueba Correo", "http://localhost/clave/activar?t=x", app.Time.GetUtcNow().AddMinutes(15), 15);

    /// <summary>
    /// The queue empty (earlier tests on this app may have left mails to send) and long enough for every worker
    /// to have looked at it and gone back to waiting.
    /// </summary>
    private async Task WorkersIdleAsync()
    {
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => monitor.EnqueuedCount("default") == 0 && monitor.ProcessingCount() == 0, "the job queue is empty", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
    }
}
