using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>What the affiliate's ticket page says when the call ends, by how the case ended.</summary>
public static class CaseMessages
{
    public static string? ForAffiliate(UnlockCase? unlockCase) => unlockCase switch
    {
        { Status: CaseStatus.Unlocked } => "Tu clave fue desbloqueada. Te enviamos a tu correo un enlace para crear una nueva clave; vale 15 minutos y se usa una sola vez.",
        { Status: CaseStatus.Rejected } => "No fue posible verificar tu identidad por videollamada y tu clave sigue bloqueada. Puedes acercarte a una agencia del IESS con tu documento de identidad.",
        { Status: CaseStatus.AwaitingApproval } => "Verificamos tu identidad. Un supervisor debe aprobar el cambio de tu correo; te enviaremos el enlace al nuevo correo cuando lo apruebe.",
        { Status: CaseStatus.Open, Channel: CaseChannel.Window } => "Tu caso pasa a atención presencial: acércate a una agencia del IESS con tu documento. Lo que ya verificamos queda registrado.",
        _ => null,
    };
}
