using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>
/// Proving identity to book (ID + birth date + robot check) gives a short-lived cookie naming the account, so
/// the slot can be chosen on the next page; the account is never taken from the form.
/// </summary>
public static class BookingAuth
{
    public const string Scheme = "BookingProof";
    public const string Policy = "BookingProofHolder";
    public const string AccountClaim = "booking_account_id";

    public static AuthenticationBuilder AddBookingProofCookie(this AuthenticationBuilder auth) =>
        auth.AddProofCookie(Scheme, "iessclave.cita", TimeSpan.FromMinutes(30), BookingLinks.BookPath);

    public static ClaimsPrincipal Principal(Guid accountId) =>
        new(new ClaimsIdentity([new Claim(AccountClaim, accountId.ToString())], Scheme));

    public static Guid? Holder(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(AccountClaim), out var account) ? account : null;
}
