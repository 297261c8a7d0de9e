using Npgsql;

namespace IessClave.Testing;

/// <summary>A fresh PostgreSQL database on the cluster that ./test.sh starts (IESSCLAVE_TEST_PG), dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("IESSCLAVE_TEST_PG")
        ?? throw new InvalidOperationException(
            "IESSCLAVE_TEST_PG is not set. Run the tests with ./test.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var admin = AdminConnectionString;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 };
        return new TestDatabase(admin, name, csb.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
