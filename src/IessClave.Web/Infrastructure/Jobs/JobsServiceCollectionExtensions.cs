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
                    o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = jobs.Schema,
                        QueuePollInterval = jobs.PollInterval,
                        PrepareSchemaIfNecessary = true,
                    });
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
}
