using Npgsql;

namespace IessClave.E2E.Support;

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

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("IESSCLAVE_TEST_PG")
            ?? throw new InvalidOperationException(
                "IESSCLAVE_TEST_PG is not set. Run the tests with ./test.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");
        var name = $"iessclave_e2e_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(admin, name, csb.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
