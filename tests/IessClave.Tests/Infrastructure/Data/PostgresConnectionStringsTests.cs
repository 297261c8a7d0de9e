using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IessClave.Tests.Infrastructure.Data;

public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void WithoutResetOnClose_TurnsTheResetOff_KeepingEverythingElse()
    {
        var built = new NpgsqlConnectionStringBuilder(
            PostgresConnectionStrings.WithoutResetOnClose("Host=127.0.0.1;Port=5432;Username=u;Password=p;Database=d;Maximum Pool Size=7"));

        Assert.True(built.NoResetOnClose);
        Assert.Equal(("127.0.0.1", 5432, "u", "p", "d", 7), (built.Host, built.Port, built.Username, built.Password, built.Database, built.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=h;No Reset On Close=false")]
    [InlineData("Host=h;NoResetOnClose=false")]
    [InlineData("Host=h;no reset on close=False")]
    public void WithoutResetOnClose_LeavesAnExplicitSettingAlone(string configured)
    {
        Assert.Equal(configured, PostgresConnectionStrings.WithoutResetOnClose(configured));
        Assert.False(new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithoutResetOnClose(configured)).NoResetOnClose);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectionResetTests(SharedPostgresApp app)
{
    [Fact]
    public async Task TheAppsConnections_GoBackToThePoolWithoutDiscardAll()
    {
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));

        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose);
    }
}
