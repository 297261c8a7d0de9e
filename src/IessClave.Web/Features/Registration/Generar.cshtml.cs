using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IessClave.Web.Features.Registration;

/// <summary>/clave/generar: the seed's steps — identification + robot check, identity + security, contact.</summary>
[EnableRateLimiting(RateLimits.IdentityForms)]
public sealed class GenerarModel(StartRegistrationHandler start, VerifyIdentityHandler verify, SubmitRegistrationHandler submit) : PageModel
{
    public int Step { get; private set; } = 1;

    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public bool AcceptedTerms { get; set; }
    [BindProperty] public string? Draft { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public int SecurityImageId { get; set; }
    [BindProperty] public int SecurityQuestionId { get; set; }
    [BindProperty] public string? SecurityAnswer { get; set; }
    [BindProperty] public string? MobilePhone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? EmailConfirmation { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostIdentify([FromForm(Name = "altcha")] string? robotProof)
    {
        var result = start.Handle(Identification, robotProof, AcceptedTerms);
        return Next(result, successStep: 2, failStep: 1);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (birthDate is null && !string.IsNullOrEmpty(BirthDate))
        {
            return Fail(nameof(BirthDate), RegistrationErrors.BirthDateInvalid, 2);
        }

        var result = await verify.HandleAsync(Draft, new IdentityStepInput(birthDate, SecurityImageId, SecurityQuestionId, SecurityAnswer), ct);
        if (result.TooManyAttempts)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return Next(result, successStep: 3, failStep: result.Field == "draft" ? 1 : 2);
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "es";
        var result = await submit.HandleAsync(Draft, new ContactStepInput(MobilePhone, Email, EmailConfirmation, culture), ct);
        if (!result.Succeeded)
        {
            return Fail(result.Field!, result.Error!, result.Field is "draft" or "identification" ? 1 : 3);
        }

        TempData["MaskedEmail"] = result.MaskedEmail;
        return RedirectToPage("Enviado");
    }

    private IActionResult Next(StepResult result, int successStep, int failStep)
    {
        if (!result.Succeeded)
        {
            return Fail(result.Field ?? "", result.Error!, failStep);
        }

        ModelState.Clear();
        Draft = result.Draft;
        Step = successStep;
        return Page();
    }

    private PageResult Fail(string field, string message, int step)
    {
        ModelState.Clear();
        ModelState.AddModelError(FieldId(field), message);
        Step = step;
        if (step == 1)
        {
            Draft = null;
        }

        return Page();
    }

    private static string FieldId(string field) => field switch
    {
        "robotProof" => "robot-check",
        "acceptedTerms" => nameof(AcceptedTerms),
        "identification" => nameof(Identification),
        "draft" => "",
        _ => field,
    };
}
