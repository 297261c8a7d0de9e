using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Bench.Load;

/// <summary>
/// The truth the clients' positions must match, read from the database once the agents stopped and the last
/// frame went out: a waiting ticket's place is its rank by lane (priority first), then by number.
/// </summary>
public static class PositionCheck
{
    public static async Task<(int Checked, int PositionMismatches, int StatusMismatches)> RunAsync(IessClaveDbContext db, ClientSwarm swarm)
    {
        var tickets = await db.QueueTickets.AsNoTracking().Select(t => new { t.Id, t.Lane, t.Status }).ToListAsync();
        var position = tickets.Where(t => t.Status == TicketStatus.Waiting).OrderByDescending(t => t.Lane).ThenBy(t => t.Id)
            .Select((t, i) => (t.Id, Position: i + 1)).ToDictionary(p => p.Id, p => p.Position);
        var status = tickets.ToDictionary(t => t.Id, t => t.Status);
        int positions = 0, statuses = 0, checkedCount = 0;
        foreach (var client in swarm.Clients.Where(c => c.Connection is not null))
        {
            checkedCount++;
            var follower = client.Follower;
            if (status[client.TicketId] == TicketStatus.Waiting)
            {
                if (follower.Status != "Waiting")
                {
                    statuses++;
                }
                else if (follower.Position != position[client.TicketId])
                {
                    positions++;
                }
            }
            else if (follower.Status == "Waiting")
            {
                statuses++;
            }
        }

        return (checkedCount, positions, statuses);
    }
}
