using System.Data.Common;
using Npgsql;

namespace IessClave.Web.Infrastructure.Data;

/// <summary>What the app adds to the configured PostgreSQL connection string.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>
    /// Turns off Npgsql's reset of a pooled connection (a DISCARD ALL the server runs on every reopen) unless the
    /// configuration already says either way. Safe because nothing leaves session state on a connection: the app's
    /// only advisory lock is transaction-scoped (pg_advisory_xact_lock), there is no SET, LISTEN, PREPARE or
    /// temporary table, EF Core's migration lock is a table lock inside a transaction, and Npgsql still rolls back a
    /// transaction left open when a connection goes back to the pool. Hangfire, whose long polling LISTENs, keeps
    /// the configured string and so a pool of its own with the reset (JobsServiceCollectionExtensions).
    /// </summary>
    public static string WithoutResetOnClose(string connectionString)
    {
        var configured = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (configured.ContainsKey("No Reset On Close") || configured.ContainsKey("NoResetOnClose"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }
}
