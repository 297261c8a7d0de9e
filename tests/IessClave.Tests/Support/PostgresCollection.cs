namespace IessClave.Tests.Support;

/// <summary>Most integration tests share one running app; each test makes its own people, so order never matters.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<SharedPostgresApp>
{
    public const string Name = "PostgreSQL app";
}

public sealed class SharedPostgresApp : PostgresApp;
