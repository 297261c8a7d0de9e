using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// The ticket as its holder sees it: place in line, and once called the one-time code to read to the agent and
/// the link to join the call; when the call ends, what happened. Only ever sent to the ticket's own holder.
/// </summary>
public sealed class TicketViews(IessClaveDbContext db, QueueSnapshots snapshots, OneTimeCodes codes, IDataProtectionProvider protection)
{
    public const string JoinUrlPurpose = "IessClave.CaseJoinUrl.v1";

    public async Task<TicketSnapshot> ForAsync(QueueTicket? ticket, CancellationToken ct)
    {
        var snapshot = await snapshots.CurrentAsync(ticket, ct);
        if (ticket is null || ticket.Status == TicketStatus.Waiting)
        {
            return snapshot;
        }

        var unlockCase = await db.Cases.AsNoTracking()
            .Where(c => c.TicketId == ticket.Id || (c.AccountId == ticket.AccountId && c.Channel == CaseChannel.Window && c.Status == CaseStatus.Open))
            .OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(ct);
        if (ticket.Status is TicketStatus.Called or TicketStatus.InService && unlockCase?.TicketId == ticket.Id)
        {
            var joinUrl = unlockCase.AffiliateJoinUrlProtected is { } p ? protection.CreateProtector(JoinUrlPurpose).Unprotect(p) : null;
            return snapshot with { OneTimeCode = codes.Reveal(unlockCase.OneTimeCodeProtected), JoinUrl = joinUrl };
        }

        return snapshot with { Message = CaseMessages.ForAffiliate(unlockCase) ?? snapshot.Message };
    }
}
