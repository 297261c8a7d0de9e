namespace IessClave.Web.Features.Unlock.Booking;

/// <summary>What the booking pages tell the affiliate (Spanish).</summary>
public static class BookingMessages
{
    public const string ChooseTime = "Elige una hora para tu cita.";
    public const string SlotFull = "Esa hora se acaba de llenar. Elige otra, por favor.";
    public const string SlotNotOffered = "Esa hora no está disponible: elige una de la lista (desde ahora hasta los próximos días hábiles).";
    public const string AlreadyBooked = "Ya tienes una cita agendada. Puedes cancelarla o cambiarla con el enlace de tu correo.";
    public const string TooLate = "La cita ya empezó o terminó: ya no se puede cancelar ni cambiar.";
    public const string InvalidLink = "Este enlace de cita no es válido. Revisa que lo hayas copiado completo desde tu correo.";

    public static string For(BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.SlotFull => SlotFull,
        BookingOutcome.SlotNotOffered => SlotNotOffered,
        BookingOutcome.AlreadyBooked => AlreadyBooked,
        BookingOutcome.TooLate => TooLate,
        _ => "",
    };
}
