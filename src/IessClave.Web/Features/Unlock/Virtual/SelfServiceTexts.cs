namespace IessClave.Web.Features.Unlock.Virtual;

/// <summary>What the self-service forms say. No message tells which part of the proof was wrong.</summary>
public static class SelfServiceTexts
{
    public const string NoMatchTitle = "Los datos no coinciden con nuestros registros.";
    public const string ClosedTitle = "El desbloqueo en línea está cerrado para esta identificación.";
    public const string AnswerRequired = "Escribe la respuesta a tu pregunta de seguridad.";
    public const string AnswerTooLong = "La respuesta de seguridad tiene como máximo 100 caracteres.";

    public static string RecoverySent(TimeSpan linkLifetime) =>
        $"Si los datos coinciden con una cuenta, enviamos un enlace a tu correo registrado. Vale {linkLifetime.TotalMinutes:0} minutos y se puede usar una sola vez.";

    public static string NoMatch(int attemptsLeft) =>
        $"Los datos no coinciden con nuestros registros. Revisa tu identificación, tu fecha de nacimiento, la pregunta elegida y la respuesta. "
        + (attemptsLeft == 1 ? "Te queda 1 intento en línea." : $"Te quedan {attemptsLeft} intentos en línea.");

    public static string Closed(int maxFailures) =>
        $"Por tu seguridad, después de {maxFailures} intentos fallidos el desbloqueo en línea se cerró para esta identificación. "
        + "Puedes desbloquear tu clave por videollamada con un agente o en persona, en una ventanilla del IESS.";
}
