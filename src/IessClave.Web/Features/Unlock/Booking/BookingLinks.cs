using Microsoft.AspNetCore.DataProtection;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// The booking's manage link (<c>/desbloquear/cita/gestionar?t=…</c>): cancel or reschedule until the slot starts,
/// then enter the queue with it. The raw token is kept encrypted (as join links are) because the reminders,
/// sent by jobs days later, must carry the same link; lookups use only its SHA-256 hash.
/// </summary>
public sealed class BookingLinks(IDataProtectionProvider protection, Microsoft.Extensions.Options.IOptions<SiteOptions> site)
{
    public const string ManagePath = "/desbloquear/cita/gestionar";
    public const string BookPath = "/desbloquear/cita";
    private const string Purpose = "IessClave.BookingManageToken.v1";

    public string Protect(string rawToken) => protection.CreateProtector(Purpose).Protect(rawToken);

    public string ManageLink(string protectedToken) =>
        site.Value.Link($"{ManagePath}?t={protection.CreateProtector(Purpose).Unprotect(protectedToken)}");

    public string BookAgainLink() => site.Value.Link(BookPath);

    public string? JoinUrl(string? protectedJoinUrl) =>
        protectedJoinUrl is null ? null : protection.CreateProtector(Queue.TicketViews.JoinUrlPurpose).Unprotect(protectedJoinUrl);

    public string ProtectJoinUrl(string joinUrl) => protection.CreateProtector(Queue.TicketViews.JoinUrlPurpose).Protect(joinUrl);
}
