using System.ComponentModel.DataAnnotations;
using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Verification;

public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>Checks that must pass before an unlock on a call. A document serial the registry lacks is skipped.</summary>
    public CheckKind[] RequiredChecks { get; set; } =
    [
        CheckKind.BirthDate, CheckKind.SecurityAnswer, CheckKind.DocumentSerial,
        CheckKind.OneTimeCode, CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine,
    ];

    /// <summary>The same at the service window, where the person and the document are in front of the agent (no one-time code).</summary>
    public CheckKind[] WindowRequiredChecks { get; set; } =
    [
        CheckKind.BirthDate, CheckKind.SecurityAnswer, CheckKind.DocumentSerial,
        CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine,
    ];

    public IReadOnlyList<CheckKind> RequiredFor(CaseChannel channel) =>
        channel == CaseChannel.Window ? WindowRequiredChecks : RequiredChecks;

    /// <summary>Wrong answers allowed per typed check in one case; then that check is closed (reject or escalate).</summary>
    [Range(1, 10)]
    public int MaxAttemptsPerCheck { get; set; } = 3;

    /// <summary>Digits of the one-time code shown in the affiliate's browser.</summary>
    [Range(4, 10)]
    public int OneTimeCodeDigits { get; set; } = 6;
}

public enum RejectionReason
{
    IdentityNotConfirmed = 1,
    DocumentNotValid = 2,
    ImpersonationSuspected = 3,
    CallerDeclined = 4,
    CallFailed = 5,
    NoDocument = 6,
}

public static class VerificationTexts
{
    public static string Of(CheckKind kind) => kind switch
    {
        CheckKind.BirthDate => "Fecha de nacimiento",
        CheckKind.SecurityAnswer => "Respuesta de seguridad",
        CheckKind.DocumentSerial => "Número de serie del documento",
        CheckKind.OneTimeCode => "Código que ve el afiliado en su pantalla",
        CheckKind.FaceMatchesPhoto => "El rostro coincide con la foto del documento",
        CheckKind.DocumentLooksGenuine => "El documento parece auténtico",
        _ => kind.ToString(),
    };

    public static string Of(RejectionReason reason) => reason switch
    {
        RejectionReason.IdentityNotConfirmed => "No se pudo confirmar la identidad",
        RejectionReason.DocumentNotValid => "Documento no válido",
        RejectionReason.ImpersonationSuspected => "Sospecha de suplantación",
        RejectionReason.CallerDeclined => "El afiliado desistió",
        RejectionReason.CallFailed => "Falló la llamada",
        RejectionReason.NoDocument => "No presentó su documento de identidad",
        _ => reason.ToString(),
    };
}
