namespace IessClave.Web.Domain;

/// <summary>
/// A mail waiting to be sent or already sent. The model is kept encrypted (it may carry a link token) and
/// is erased once the mail is sent; the Message-ID is stable so a re-run of the send job is recognisable.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; set; }
    public required string MessageId { get; set; }
    public Guid? AccountId { get; set; }
    public required string TemplateName { get; set; }
    public required string Culture { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public string? ProtectedModel { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
