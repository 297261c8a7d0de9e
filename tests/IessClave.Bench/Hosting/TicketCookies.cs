using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace IessClave.Bench.Hosting;

/// <summary>
/// The ticket cookie the join endpoint would hand out (<see cref="QueueAuth"/>: ticket id + account id), sealed
/// with the app's own cookie format and data-protection key ring, which live in the database. The affiliates of
/// the swarm present it on the WebSocket request, as the queue page does; the hub authorizes it as usual.
/// </summary>
public sealed class TicketCookies(AppServices app)
{
    private readonly CookieAuthenticationOptions options =
        app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(QueueAuth.Scheme);

    public string HeaderFor(SeededTicket ticket)
    {
        var now = DateTimeOffset.UtcNow;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
        var sealedTicket = options.TicketDataFormat.Protect(
            new AuthenticationTicket(QueueAuth.Principal(ticket.TicketId, ticket.AccountId), properties, QueueAuth.Scheme));
        return $"{options.Cookie.Name}={sealedTicket}";
    }
}
