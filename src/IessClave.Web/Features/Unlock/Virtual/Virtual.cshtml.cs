using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>/desbloquear/virtual: the self-service unlock. One form, so nothing is revealed before the whole proof.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class VirtualModel(SelfServiceProofHandler handler) : PageModel, ISelfServiceForm
{
    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public int SecurityQuestionId { get; set; }
    [BindProperty] public string? SecurityAnswer { get; set; }

    /// <summary>Too many wrong proofs: this way is closed for the identification; the page offers the other two.</summary>
    public bool Closed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "altcha")] string? robotProof, CancellationToken ct)
    {
        ModelState.Clear();
        if (SelfServiceForm.HasUnreadableDate(this))
        {
            SelfServiceForm.AddError(ModelState, "birthDate", Registration.RegistrationErrors.BirthDateInvalid);
            return Page();
        }

        var result = await handler.HandleAsync(SelfServiceWay.Virtual, SelfServiceForm.Input(this, robotProof), ct);
        switch (result.Outcome)
        {
            case ProofOutcome.LinkSent:
                TempData["MaskedEmail"] = result.MaskedEmail;
                TempData["Unlocks"] = result.Unlocks;
                return RedirectToPage("Enviado");
            case ProofOutcome.Closed:
                Closed = true;
                return Page();
            case ProofOutcome.NoMatch:
                SelfServiceForm.AddError(ModelState, null, SelfServiceTexts.NoMatch(result.AttemptsLeft));
                return Page();
            case ProofOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                SelfServiceForm.AddError(ModelState, null, Registration.RegistrationErrors.TooManyAttempts);
                return Page();
            default:
                SelfServiceForm.AddError(ModelState, result.Field, result.Error!);
                return Page();
        }
    }
}
