using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>How cases read in Spanish: to the affiliate (outcome only, no internals) and to staff (with the reason).</summary>
public static class CaseTexts
{
    /// <summary>Who made a check the affiliate proved alone (virtual unlock: birth date and security answer online).</summary>
    public const string ByTheAffiliate = "el afiliado, en línea";

    public static string Channel(CaseChannel channel) => channel switch
    {
        CaseChannel.VideoQueue => "Videollamada",
        CaseChannel.ScheduledCall => "Videollamada agendada",
        CaseChannel.Window => "Ventanilla",
        CaseChannel.Virtual => "Virtual",
        _ => "—",
    };

    /// <summary>"Videollamada, luego Ventanilla": the channels the case went through, in order.</summary>
    public static string Channels(IEnumerable<CaseChannel> path)
    {
        var names = path.Where(Enum.IsDefined).Select(Channel).ToList();
        return names.Count == 0 ? "—" : string.Join(", luego ", names);
    }

    public static string ForAffiliate(CaseStatus status) => status switch
    {
        CaseStatus.Open => "En curso",
        CaseStatus.AwaitingApproval => "En revisión",
        CaseStatus.Unlocked => "Clave desbloqueada",
        CaseStatus.Rejected => "No se pudo verificar la identidad; la clave siguió bloqueada",
        CaseStatus.NoShow => "Sin atender",
        _ => "—",
    };

    public static string ForStaff(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Abierto",
        CaseStatus.AwaitingApproval => "Esperando aprobación de un supervisor",
        CaseStatus.Unlocked => "Desbloqueado",
        CaseStatus.Rejected => "Rechazado",
        CaseStatus.NoShow => "No se presentó",
        _ => "—",
    };

    public static string? Reason(string? code) => code switch
    {
        null or "" => null,
        "escalated-to-window" => "Derivado a atención presencial",
        "no-show" => "No se presentó a la videollamada",
        "email-change-denied" => "Un supervisor rechazó el cambio de correo",
        "released-at-window" => "Liberado en ventanilla sin resolver",
        _ when Enum.TryParse<RejectionReason>(code, out var r) && Enum.IsDefined(r) => VerificationTexts.Of(r),
        _ => code,
    };

    public static string Check(bool passed) => passed ? "Coincide" : "No coincide";
}
