using IessClave.Web.Features.Unlock.Queue;

namespace IessClave.Tests.Features.Unlock.Queue;

public sealed class QueueEtaTests
{
    [Theory]
    [InlineData(1, 300, 1, 300)]
    [InlineData(3, 300, 1, 900)]
    [InlineData(3, 300, 2, 600)]
    [InlineData(4, 300, 2, 600)]
    [InlineData(3, 300, 0, 900)]
    [InlineData(0, 300, 2, 0)]
    public void Seconds_GrowWithPositionAndShrinkWithAgents(int position, int avg, int agents, int expected) =>
        Assert.Equal(expected, QueueEta.Seconds(position, avg, agents));

    [Fact]
    public void Describe_WhenNoAgentIsAvailable_SaysSo() =>
        Assert.Contains("no hay agentes disponibles", QueueEta.Describe(2, 300, 0));
}
