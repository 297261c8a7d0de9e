namespace IessClave.Web.Features.Agents.SignIn;

public static class AgentSignInMessages
{
    public static string Failed(int maxFailures) =>
        $"Usuario o clave incorrectos. Después de {maxFailures} intentos fallidos seguidos la cuenta se bloquea.";

    public static string WrongCode(int maxFailures) =>
        $"El código no es correcto o ya fue usado. Después de {maxFailures} códigos incorrectos seguidos la cuenta se bloquea.";

    public const string Locked = "Tu cuenta de agente está bloqueada por demasiados intentos fallidos. Pide a un administrador que la desbloquee.";

    public static string Expired(TimeSpan lifetime) =>
        $"Pasaron más de {lifetime.TotalMinutes:0} minutos desde que escribiste tu clave. Por seguridad, vuelve a ingresar tu usuario y clave.";

    public const string SignedOut = "Cerraste la sesión.";

    /// <summary>The notice of the sign-in page for the reason in its query string (?motivo=…).</summary>
    public static string? Notice(string? reason, TimeSpan pendingLifetime) => reason switch
    {
        "caducado" => Expired(pendingLifetime),
        "bloqueada" => Locked,
        "salida" => SignedOut,
        _ => null,
    };
}
