using IessClave.Web.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IessClave.Tests.Infrastructure.Health;

public sealed class HealthRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(30, HealthStatus.Healthy)]
    [InlineData(60, HealthStatus.Healthy)]
    [InlineData(61, HealthStatus.Unhealthy)]
    [InlineData(3600, HealthStatus.Unhealthy)]
    public void JobServers_AliveOnlyWithinTheHeartbeatTimeout(int secondsAgo, HealthStatus expected) =>
        Assert.Equal(expected, JobServersHealthCheck.Evaluate([Now.AddSeconds(-secondsAgo)], Now, runsHere: true).Status);

    [Fact]
    public void JobServers_NoneAtAll_IsUnhealthy_AndSaysWhetherThisNodeShouldRunOne()
    {
        var here = JobServersHealthCheck.Evaluate([], Now, runsHere: true);
        var elsewhere = JobServersHealthCheck.Evaluate([null], Now, runsHere: false);

        Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Unhealthy), (here.Status, elsewhere.Status));
        Assert.Contains("Jobs:RunServer=false", elsewhere.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("RunServer", here.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void JobServers_OneAliveAmongDeadOnes_IsEnough() =>
        Assert.Equal(HealthStatus.Healthy, JobServersHealthCheck.Evaluate([Now.AddHours(-2), Now.AddSeconds(-5)], Now, runsHere: false).Status);

    [Theory]
    [InlineData(1, HealthStatus.Healthy)]
    [InlineData(30, HealthStatus.Healthy)]
    [InlineData(31, HealthStatus.Degraded)]
    public void QueueFrames_SilentTooLong_IsDegraded(int seconds, HealthStatus expected) =>
        Assert.Equal(expected, QueueFramesHealthCheck.Evaluate(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(30)).Status);
}
