using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>The fields of the proof, shared by the virtual-unlock and forgotten-clave pages (partial _ProofFields).</summary>
public interface ISelfServiceForm
{
    string? Identification { get; }
    string? BirthDate { get; }
    int SecurityQuestionId { get; }
    string? SecurityAnswer { get; }
}

public static class SelfServiceForm
{
    public static ProofInput Input(ISelfServiceForm form, string? robotProof)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(form.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new ProofInput(form.Identification, birthDate, form.SecurityQuestionId, form.SecurityAnswer, robotProof);
    }

    /// <summary>The page has a date field: something typed that is not a date is its own error, not "required".</summary>
    public static bool HasUnreadableDate(ISelfServiceForm form) =>
        !string.IsNullOrEmpty(form.BirthDate) && SelfServiceForm.Input(form, null).BirthDate is null;

    public static void AddError(ModelStateDictionary state, string? field, string message) =>
        state.AddModelError(FieldId(field), message);

    private static string FieldId(string? field) => field switch
    {
        "identification" => nameof(ISelfServiceForm.Identification),
        "birthDate" => nameof(ISelfServiceForm.BirthDate),
        "securityQuestionId" => nameof(ISelfServiceForm.SecurityQuestionId),
        "securityAnswer" => nameof(ISelfServiceForm.SecurityAnswer),
        "robotProof" => "robot-check",
        _ => "",
    };
}
