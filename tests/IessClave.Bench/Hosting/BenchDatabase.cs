using Npgsql;

namespace IessClave.Bench.Hosting;

/// <summary>A fresh database per phase on the private cluster, so every phase starts from an empty queue.</summary>
public static class BenchDatabase
{
    public static async Task<string> CreateAsync(string adminConnectionString, string name)
    {
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    /// <summary>The postmaster's pid (first line of postmaster.pid in the data folder), to read the cluster's CPU.</summary>
    public static async Task<int?> PostmasterPidAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
        var dataDir = (string)(await command.ExecuteScalarAsync())!;
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid) ? pid : null;
    }
}
