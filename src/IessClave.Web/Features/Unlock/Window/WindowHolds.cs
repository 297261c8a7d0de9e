using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Window;

/// <summary>Whether someone is being served at a window right now, for the channels that must not pull them away.</summary>
public static class WindowHolds
{
    /// <summary>A window agent holds the account's open case and acted on it within the hold time.</summary>
    public static Task<bool> HeldNowAsync(IessClaveDbContext db, Guid accountId, DateTimeOffset now, WindowOptions options, CancellationToken ct)
    {
        var since = now - options.HoldTimeout;
        return db.Cases.AnyAsync(c => c.AccountId == accountId && c.Status == CaseStatus.Open && c.Channel == CaseChannel.Window
            && c.TicketId == null && c.AgentId != null && c.HeldAt > since, ct);
    }
}
