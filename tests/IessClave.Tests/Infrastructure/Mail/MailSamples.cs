using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Booking;
using IessClave.Web.Features.SignIn;
using IessClave.Web.Features.Unlock.Virtual;
using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Tests.Infrastructure.Mail;

/// <summary>Sample data for every mail model; a new template without a sample here fails the template test.</summary>
internal static class MailSamples
{
    /// <summary>15/03/2025 10:30 in Ecuador (UTC-5).</summary>
    public static readonly DateTimeOffset Moment = new(2025, 3, 15, 15, 30, 0, TimeSpan.Zero);

    public static ActivationMail Activation(string name = "María José Pérez", string link = "https://clave.iess.local/activar/abc123") =>
        new(name, link, Moment, 15);

    public static LockoutNoticeMail LockoutNotice(string name = "Juan Andrade", string virtualLink = "https://clave.iess.local/desbloqueo/virtual") =>
        new(name, Moment, virtualLink, "https://clave.iess.local/desbloqueo/video", "https://www.iess.gob.ec/atencion");

    public static BookingConfirmationMail BookingConfirmation(string name = "Luis Ñauñay", int sequence = 0) =>
        new(Guid.Parse("6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5"), name, Moment, Moment.AddMinutes(30),
            "https://clave.iess.local/sala/unirse?t=abc&x=\"1\"", "https://clave.iess.local/cita/gestionar?t=def&y=<b>",
            "no-responder@iess.local", "luis@example.ec", sequence);

    public static IReadOnlyDictionary<string, IMailModel> ByTemplateName { get; } = new Dictionary<string, IMailModel>
    {
        ["Activation"] = Activation(),
        ["BookingCancelled"] = new BookingCancelledMail(Guid.Parse("6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5"), "Luis <b>Ñauñay</b>", Moment, Moment.AddMinutes(20),
            "https://clave.iess.local/desbloquear/cita?x=\"1\"&y=<b>", "no-responder@iess.local", "luis@example.ec", 2),
        ["BookingConfirmation"] = BookingConfirmation("Luis <b>Ñauñay</b>"),
        ["BookingReminder"] = new BookingReminderMail("Luis <b>Ñauñay</b>", Moment, Moment.AddMinutes(20),
            "https://clave.iess.local/desbloquear/cita/gestionar?t=abc&x=\"1\"", "https://clave.iess.local/desbloquear/cita/gestionar?t=abc&y=<b>", Shortly: true),
        ["LockoutNotice"] = LockoutNotice(),
        ["MeetingLink"] = new IessClave.Web.Features.Unlock.Verification.MeetingLinkMail("Ana <i>Loor</i>", "https://clave.iess.local/sala/unirse?t=abc&x=\"1\"", Moment),
        ["NewClave"] = new NewClaveMail("Rosa <b>Quishpe</b>", "https://clave.iess.local/clave/nueva?t=abc&x=\"1\"", Moment, 15),
        ["VirtualUnlockLink"] = new VirtualUnlockLinkMail("Ana <b>Loor</b>", "https://clave.iess.local/desbloquear/virtual/enlace?t=abc&x=\"1\"", Moment, 15),
        ["RecoveryLink"] = new RecoveryLinkMail("Pedro <i>Chávez</i>", "https://clave.iess.local/clave/recuperar/enlace?t=abc&x=\"1\"", Moment, 15),
        ["ClaveChanged"] = new ClaveChangedMail("Rosa <b>Quishpe</b>", Moment, Unlocked: true, "https://clave.iess.local/desbloquear?x=\"1\"&y=<b>"),
    };

    public static string TemplateRoot => MailTemplateRenderer.DefaultTemplateRoot;

    /// <summary>(culture, template name) for every *.html.sbn under templates/mail in the test output.</summary>
    public static TheoryData<string, string> TemplatesOnDisk()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(TemplateRoot, "*" + MailTemplateRenderer.HtmlExtension, SearchOption.AllDirectories).Order())
        {
            var culture = Path.GetFileName(Path.GetDirectoryName(file)!);
            data.Add(culture, Path.GetFileName(file)[..^MailTemplateRenderer.HtmlExtension.Length]);
        }

        return data;
    }
}
