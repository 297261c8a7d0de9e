using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.SignIn;

[Authorize]
public sealed class MiCuentaModel(MyAccountQuery query, AffiliateSession session) : PageModel
{
    public MyAccountView? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Account = AffiliateSession.AccountId(User) is { } id ? await query.FindAsync(id, ct) : null;
        if (Account is null)
        {
            await session.SignOutAsync();
            return RedirectToPage("Ingresar");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await session.SignOutAsync();
        return Redirect("/");
    }
}
