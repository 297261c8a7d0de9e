using IessClave.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>/desbloquear/videollamada/turno: the ticket, live (queue.js), and a way out of the queue.</summary>
[Authorize(Policy = QueueAuth.Policy)]
public sealed class TurnoModel(QueueTicketService tickets, TicketViews views, AuditLog audit, Infrastructure.Data.IessClaveDbContext db) : PageModel
{
    public TicketSnapshot Ticket { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (ticketId, accountId) = QueueAuth.Holder(User)!.Value;
        Ticket = await views.ForAsync(await tickets.FindAsync(ticketId, accountId, ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        var (ticketId, accountId) = QueueAuth.Holder(User)!.Value;
        if (await tickets.LeaveAsync(ticketId, accountId, ct))
        {
            audit.Record(Domain.AuditActors.Affiliate, accountId.ToString(), AuditActions.QueueLeft, accountId, $"ticket={ticketId}");
            await db.SaveChangesAsync(ct);
        }

        await HttpContext.SignOutAsync(QueueAuth.Scheme);
        TempData["QueueLeft"] = true;
        return Redirect("/desbloquear");
    }
}
