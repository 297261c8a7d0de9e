namespace IessClave.E2E.Support;

/// <summary>All browser tests share one app host (real PostgreSQL, real loopback port) and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<AppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "E2E";
}
