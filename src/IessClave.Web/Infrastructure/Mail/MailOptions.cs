using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Infrastructure.Mail;

public enum MailDelivery
{
    /// <summary>Write .eml files to <see cref="MailOptions.OutboxPath"/> (embedded/dev mode).</summary>
    Outbox,

    /// <summary>Send through <see cref="MailOptions.Smtp"/> with MailKit.</summary>
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

/// <summary>Configuration section "Mail".</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Outbox;

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-responder@iess.local";

    [Required]
    [MaxLength(100)]
    public string FromName { get; set; } = "IESS Clave";

    /// <summary>Folder for <see cref="OutboxMailSender"/>; relative paths are under the content root.</summary>
    [Required]
    public string OutboxPath { get; set; } = "data/outbox";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>When empty, no authentication is attempted.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
