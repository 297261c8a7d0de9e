using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;

namespace IessClave.Tests.Features.Unlock.Queue;

public sealed class QueueEventCursorTests
{
    [Fact]
    public void Accept_ContiguousEvents_TakesThemAll() =>
        Assert.Equal([11, 12, 13], new QueueEventCursor().Accept(Events(11, 12, 13), after: 10).Select(e => e.Id));

    [Fact]
    public void Accept_WithAHoleInTheMiddle_TakesOnlyThePrefixBeforeIt() =>
        Assert.Equal([11], new QueueEventCursor().Accept(Events(11, 13), after: 10).Select(e => e.Id));

    [Fact]
    public async Task Accept_WithAHoleAtTheStart_WaitsThenStepsOverIt()
    {
        var cursor = new QueueEventCursor(TimeSpan.FromMilliseconds(100));

        Assert.Empty(cursor.Accept(Events(12, 13), after: 10));
        await Task.Delay(150);
        Assert.Equal([12, 13], cursor.Accept(Events(12, 13), after: 10).Select(e => e.Id));
    }

    private static List<QueueEvent> Events(params long[] ids) => [.. ids.Select(id => new QueueEvent { Id = id, TicketId = id, Delta = 1 })];
}
