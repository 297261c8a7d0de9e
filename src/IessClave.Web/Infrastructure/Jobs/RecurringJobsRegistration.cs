using Hangfire;
using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Web.Infrastructure.Jobs;

/// <summary>Declares the recurring jobs once the host has started (storage is ready by then).</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<MailDispatchSweep>("mail-dispatch-sweep", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
