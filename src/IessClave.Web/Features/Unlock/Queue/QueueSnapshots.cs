using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>Builds a ticket's snapshot from this node's queue state, so it matches the frames that follow.</summary>
public sealed class QueueSnapshots(QueueState state, QueueBroadcaster broadcaster)
{
    /// <summary>
    /// Like <see cref="For"/>, but a waiting ticket this node has not seen yet (joined within the last interval)
    /// makes the broadcaster catch up first, so the answer carries a real position.
    /// </summary>
    public async Task<TicketSnapshot> CurrentAsync(QueueTicket? ticket, CancellationToken ct)
    {
        if (ticket?.Status == TicketStatus.Waiting && state.PositionOf(ticket.Id, ticket.Lane).Position is null)
        {
            await broadcaster.TickAsync(ct);
        }

        return For(ticket);
    }

    public TicketSnapshot For(QueueTicket? ticket)
    {
        var (avg, agents) = broadcaster.Stats;
        if (ticket is null)
        {
            return new TicketSnapshot(0, 0, "Unknown", 0, state.AsOf, avg, agents, "No encontramos tu turno.");
        }

        var (position, asOf) = state.PositionOf(ticket.Id, ticket.Lane);
        var status = ticket.Status == TicketStatus.Waiting && position is null ? "Pending" : ticket.Status.ToString();
        return new TicketSnapshot(ticket.Id, (int)ticket.Lane, status, position ?? 0, asOf, avg, agents, null);
    }
}
