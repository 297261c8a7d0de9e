using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

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
        auth.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "iessclave.cita";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = false;
            o.LoginPath = BookingLinks.BookPath;
            o.AccessDeniedPath = BookingLinks.BookPath;
        });

    public static ClaimsPrincipal Principal(Guid accountId) =>
        new(new ClaimsIdentity([new Claim(AccountClaim, accountId.ToString())], Scheme));

    public static Guid? Holder(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(AccountClaim), out var account) ? account : null;
}
