using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

/// <summary>The half-signed-in state: the password was right, the second factor is still to come.</summary>
public sealed record PendingSignIn(Guid AgentId, DateTimeOffset PasswordAcceptedAt, string? ReturnUrl);

/// <summary>
/// Carries <see cref="PendingSignIn"/> between the password page and the code (or enrolment) page in an
/// encrypted, authenticated cookie. It is not a session: no page except those two accepts it, and it is valid
/// for <see cref="AgentOptions.PendingSignInLifetime"/> by the app's clock.
/// </summary>
public sealed class PendingSignInCookie(IDataProtectionProvider protection, IHttpContextAccessor accessor, TimeProvider time, IOptions<AgentOptions> options)
{
    public const string CookieName = "iessclave.agente.paso";
    private readonly IDataProtector protector = protection.CreateProtector("IessClave.AgentPendingSignIn.v1");

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    public void Issue(Guid agentId, string? returnUrl)
    {
        var state = new PendingSignIn(agentId, time.GetUtcNow(), returnUrl);
        Http.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(state)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Http.Request.IsHttps,
            Path = "/agentes",
            IsEssential = true,
        });
    }

    /// <summary>The state, or null when missing, forged or older than its lifetime (then <paramref name="expired"/> is true).</summary>
    public PendingSignIn? Read(out bool expired)
    {
        expired = false;
        var value = Http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<PendingSignIn>(protector.Unprotect(value));
            var age = time.GetUtcNow() - state?.PasswordAcceptedAt;
            expired = age is null || age >= options.Value.PendingSignInLifetime;
            return expired ? null : state;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Clear() => Http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/agentes", SameSite = SameSiteMode.Strict, HttpOnly = true });
}
