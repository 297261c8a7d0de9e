using System.Collections.Concurrent;
using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Tests.Infrastructure.Meetings;

/// <summary>A stand-in for the built-in room feature: remembers what was opened and closed.</summary>
public sealed class FakeBuiltInRooms : IBuiltInRooms
{
    private readonly ConcurrentQueue<(Guid CaseId, DateTimeOffset From, DateTimeOffset Until)> opened = new();
    private readonly ConcurrentQueue<Guid> closed = new();

    public IReadOnlyList<(Guid CaseId, DateTimeOffset From, DateTimeOffset Until)> Opened => opened.ToArray();

    public IReadOnlyList<Guid> Closed => closed.ToArray();

    public static string AffiliateUrl(Guid caseId) => $"https://clave.iess.test/sala/{caseId:N}?t=afiliado";

    public Task<Meeting> OpenAsync(Guid caseId, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken ct)
    {
        opened.Enqueue((caseId, validFrom, validUntil));
        return Task.FromResult(new Meeting(
            MeetingKind.BuiltInRoom, AffiliateUrl(caseId), $"https://clave.iess.test/sala/{caseId:N}?t=agente", caseId.ToString()));
    }

    public Task CloseAsync(Guid caseId, CancellationToken ct)
    {
        closed.Enqueue(caseId);
        return Task.CompletedTask;
    }
}
