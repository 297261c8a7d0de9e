using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using IessClave.Web.Infrastructure.Data;

namespace IessClave.Web.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JobsOptions.Section);
        var jobs = section.Get<JobsOptions>() ?? new JobsOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<JobsOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    // As configured, so with Npgsql's reset: a pool of its own (the app's string differs), whose
                    // connections lose the long-polling LISTEN (DISCARD ALL) before anyone reuses them.
                    o => o.UseNpgsqlConnection(database.ConnectionString),
                    PostgresStorageOptions(jobs));
            }
            else
            {
                var path = Path.GetFullPath(jobs.SqlitePath, builder.Environment.ContentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                config.UseSQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
            }
        });

        if (jobs.RunServer)
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = jobs.PollInterval;
                o.WorkerCount = jobs.WorkerCount;
                o.ServerTimeout = TimeSpan.FromMinutes(1);
            });
        }

        builder.Services.AddHostedService<RecurringJobsRegistration>();
        return builder;
    }

    /// <summary>
    /// Every enqueue (a job created now, or a scheduled one the scheduler finds due) sends NOTIFY new_job in its
    /// transaction, and idle workers LISTEN for it, so the queue poll can be slow without delaying any job.
    /// The listener is a pooled connection of Hangfire's own pool, reset when it goes back: a session left
    /// listening and never read would hold PostgreSQL's notification queue back for everyone.
    /// </summary>
    public static PostgreSqlStorageOptions PostgresStorageOptions(JobsOptions jobs) => new()
    {
        SchemaName = jobs.Schema,
        QueuePollInterval = jobs.QueuePollInterval,
        EnableLongPolling = true,
        PrepareSchemaIfNecessary = true,
    };
}
