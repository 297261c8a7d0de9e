using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.SignIn;

[Authorize]
public sealed class MiCuentaModel(MyAccountQuery query, Unlock.Verification.CaseHistory history, AffiliateSession session) : PageModel
{
    public MyAccountView? Account { get; private set; }

    /// <summary>The affiliate's unlock cases, newest first (outcome only: no agents, no reasons).</summary>
    public IReadOnlyList<Unlock.Verification.AffiliateCase> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Account = AffiliateSession.AccountId(User) is { } id ? await query.FindAsync(id, ct) : null;
        if (Account is null)
        {
            await session.SignOutAsync();
            return RedirectToPage("Ingresar");
        }

        Cases = await history.ForAffiliateAsync(AffiliateSession.AccountId(User)!.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await session.SignOutAsync();
        return Redirect("/");
    }
}
