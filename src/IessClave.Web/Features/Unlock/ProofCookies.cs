using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IessClave.Web.Features.Unlock;

/// <summary>
/// The cookies a locked-out affiliate gets instead of a session (a ticket, a booking proof, a room seat): HttpOnly,
/// SameSite=Strict, a fixed lifetime, and back to <paramref name="loginPath"/> when missing or expired.
/// </summary>
public static class ProofCookies
{
    public static AuthenticationBuilder AddProofCookie(this AuthenticationBuilder auth, string scheme, string cookieName, TimeSpan lifetime, string loginPath) =>
        auth.AddCookie(scheme, o =>
        {
            o.Cookie.Name = cookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = lifetime;
            o.SlidingExpiration = false;
            o.LoginPath = loginPath;
            o.AccessDeniedPath = loginPath;
        });
}
