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
                    o => o.UseNpgsqlConnection(PostgresConnectionStrings.WithoutResetOnClose(database.ConnectionString)),
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
    /// The listener is a pooled connection; without the pool's reset it goes back to the pool still listening.
    /// That is harmless: Npgsql drops notifications nobody subscribed to, and a stale one that reaches the next
    /// listener only makes a worker look at the queue once more (the fetch is FOR UPDATE SKIP LOCKED).
    /// </summary>
    public static PostgreSqlStorageOptions PostgresStorageOptions(JobsOptions jobs) => new()
    {
        SchemaName = jobs.Schema,
        QueuePollInterval = jobs.QueuePollInterval,
        EnableLongPolling = true,
        PrepareSchemaIfNecessary = true,
    };
}
