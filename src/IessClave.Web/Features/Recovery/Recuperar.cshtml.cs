using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Virtual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Recovery;

/// <summary>
/// /clave/recuperar: forgotten clave. The same proof as the virtual unlock; whether the data matched or not, the
/// answer is the same page (only format errors and the robot check are said), so nobody learns if an ID exists.
/// </summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class RecuperarModel(SelfServiceProofHandler handler) : PageModel, ISelfServiceForm
{
    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public int SecurityQuestionId { get; set; }
    [BindProperty] public string? SecurityAnswer { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "altcha")] string? robotProof, CancellationToken ct)
    {
        ModelState.Clear();
        if (SelfServiceForm.HasUnreadableDate(this))
        {
            SelfServiceForm.AddError(ModelState, "birthDate", RegistrationErrors.BirthDateInvalid);
            return Page();
        }

        var result = await handler.HandleAsync(SelfServiceWay.Recovery, SelfServiceForm.Input(this, robotProof), ct);
        switch (result.Outcome)
        {
            case ProofOutcome.Invalid:
                SelfServiceForm.AddError(ModelState, result.Field, result.Error!);
                return Page();
            case ProofOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                SelfServiceForm.AddError(ModelState, null, RegistrationErrors.TooManyAttempts);
                return Page();
            default:
                return RedirectToPage("Enviado");
        }
    }
}
