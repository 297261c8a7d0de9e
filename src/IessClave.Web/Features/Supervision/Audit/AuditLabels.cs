using IessClave.Web.Infrastructure.Audit;

namespace IessClave.Web.Features.Supervision.Audit;

/// <summary>Spanish names for the audit trail's areas (the part of an action before the dot) and actions.</summary>
public static class AuditLabels
{
    public static readonly IReadOnlyDictionary<string, string> Areas = new Dictionary<string, string>
    {
        ["agent"] = "Cuentas de agentes y acceso",
        ["queue"] = "Fila de videollamada",
        ["case"] = "Casos y verificación",
        ["window"] = "Ventanilla",
        ["room"] = "Sala de video",
        ["booking"] = "Citas",
        ["self-service"] = "Autoservicio",
        ["signin"] = "Ingreso de afiliados",
        ["registration"] = "Generación de clave",
        ["clave"] = "Cambio de clave",
        ["registry"] = "Registro de afiliados",
        ["audit"] = "Consultas de auditoría",
    };

    private static readonly Dictionary<string, string> Actions = new()
    {
        [AuditActions.QueueTaken] = "Tomó a la persona siguiente",
        [AuditActions.QueueReturned] = "Devolvió a la fila",
        [AuditActions.QueueNoShow] = "No se presentó",
        [AuditActions.QueueFinished] = "Terminó la atención",
        [AuditActions.AgentStatusChanged] = "Cambió de estado",
        [AuditActions.CaseChecked] = "Comprobación",
        [AuditActions.CaseUnlocked] = "Desbloqueó",
        [AuditActions.CaseRejected] = "Rechazó",
        [AuditActions.CaseEscalated] = "Derivó a ventanilla",
        [AuditActions.CaseEmailChangeRequested] = "Pidió cambio de correo",
        [AuditActions.CaseEmailChangeApproved] = "Aprobó cambio de correo",
        [AuditActions.CaseEmailChangeDenied] = "Negó cambio de correo",
        [AuditActions.WindowSearched] = "Buscó en ventanilla",
        [AuditActions.WindowSearchLimited] = "Búsqueda frenada por el límite",
        [AuditActions.RoomJoined] = "Entró a la sala",
        [AuditActions.AgentSignInSucceeded] = "Inició sesión",
        [AuditActions.AgentSignInFailed] = "Ingreso fallido",
        [AuditActions.AgentTotpFailed] = "Código del autenticador errado",
        [AuditActions.AgentLocked] = "Cuenta de agente bloqueada",
        [AuditActions.AgentCreated] = "Creó una cuenta de personal",
        [AuditActions.AgentSignOut] = "Cerró sesión",
        [AuditActions.AuditViewed] = "Consultó la auditoría",
    };

    public static string Action(string code) => Actions.GetValueOrDefault(code, code);
}
