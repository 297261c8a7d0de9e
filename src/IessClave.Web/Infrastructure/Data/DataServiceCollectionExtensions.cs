using IessClave.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<IessClaveDbContext, PostgresDbContext>(o => o.UseNpgsql(PostgresConnectionStrings.WithoutResetOnClose(options.ConnectionString)));
        }
        else
        {
            var connectionString = ResolveSqlitePath(options.ConnectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<IessClaveDbContext, SqliteDbContext>(o => o.UseSqlite(connectionString));
        }

        builder.AddKeyProtection();
        return builder;
    }

    /// <summary>Relative SQLite files live under the content root, and their folder is created on first use.</summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }
}
