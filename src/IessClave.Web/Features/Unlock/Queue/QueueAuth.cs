using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// A locked-out affiliate cannot sign in, so proving identity for the queue (ID + birth date + robot check)
/// gives a cookie of its own that names the ticket and the account. Hub calls trust only these claims: a
/// ticket id sent by a client is never used to find a ticket (no IDOR).
/// </summary>
public static class QueueAuth
{
    public const string Scheme = "QueueTicket";
    public const string Policy = "QueueTicketHolder";
    public const string TicketClaim = "ticket_id";
    public const string AccountClaim = "account_id";

    public static AuthenticationBuilder AddQueueTicketCookie(this AuthenticationBuilder auth) =>
        auth.AddProofCookie(Scheme, "iessclave.turno", TimeSpan.FromHours(8), "/desbloquear/videollamada");

    public static ClaimsPrincipal Principal(long ticketId, Guid accountId) =>
        new(new ClaimsIdentity([new Claim(TicketClaim, ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(AccountClaim, accountId.ToString())], Scheme));

    public static (long TicketId, Guid AccountId)? Holder(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirstValue(TicketClaim), out var ticket) && Guid.TryParse(user?.FindFirstValue(AccountClaim), out var account)
            ? (ticket, account)
            : null;
}
