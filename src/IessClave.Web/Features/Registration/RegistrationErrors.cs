namespace IessClave.Web.Features.Registration;

public static class RegistrationErrors
{
    public const string RobotCheck = "Completa la verificación «No soy un robot».";
    public const string FormExpired = "El formulario caducó o no es válido. Empieza de nuevo, por favor.";
    public const string NoMatch = "Los datos ingresados no coinciden con nuestros registros. Revisa tu identificación y tu fecha de nacimiento.";
    public const string AlreadyActive = "Esta identificación ya tiene una clave activa. Ingresa con ella o, si la olvidaste o está bloqueada, usa las opciones de desbloqueo.";
    public const string TooManyAttempts = "Demasiados intentos. Por tu seguridad, espera unos minutos e inténtalo de nuevo.";
    public const string BirthDateRequired = "Ingresa tu fecha de nacimiento (día, mes y año).";
    public const string BirthDateInvalid = "La fecha de nacimiento no es válida.";
    public const string BirthDateFuture = "La fecha de nacimiento no puede estar en el futuro.";
    public const string BirthDateTooOld = "La fecha de nacimiento no puede ser anterior a 1900.";
    public const string ImageRequired = "Elige una imagen de seguridad.";
    public const string QuestionRequired = "Elige una pregunta de seguridad.";
    public const string AnswerLength = "La respuesta de seguridad debe tener entre 2 y 100 caracteres.";
    public const string PhoneInvalid = "Ingresa un número de celular válido: 10 dígitos que empiezan con 09 (por ejemplo 0991234567) o un número internacional con +.";
    public const string EmailInvalid = "Ingresa un correo electrónico válido (por ejemplo nombre@dominio.com).";
    public const string EmailMismatch = "Los dos correos electrónicos no coinciden.";
    public const string ConsentRequired = "Debes aceptar los términos de uso para continuar.";
}
