using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace IessClave.Web.Features.SignIn;

/// <summary>Issues and ends the affiliate's cookie session. The cookie carries only the account id and name.</summary>
public sealed class AffiliateSession(IHttpContextAccessor accessor)
{
    public const string AccountIdClaim = "account_id";

    public Task SignInAsync(Guid accountId, string fullName)
    {
        var identity = new ClaimsIdentity(
            [new Claim(AccountIdClaim, accountId.ToString()), new Claim(ClaimTypes.Name, fullName)],
            SignInFeature.AffiliateScheme);
        return accessor.HttpContext!.SignInAsync(SignInFeature.AffiliateScheme, new ClaimsPrincipal(identity));
    }

    public Task SignOutAsync() => accessor.HttpContext!.SignOutAsync(SignInFeature.AffiliateScheme);

    public static Guid? AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccountIdClaim), out var id) ? id : null;
}
