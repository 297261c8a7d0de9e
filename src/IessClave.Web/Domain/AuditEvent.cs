namespace IessClave.Web.Domain;

/// <summary>An append-only record of who did what, when, to which account or case. Never holds secrets.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorType { get; set; }
    public string? ActorId { get; set; }
    public required string Action { get; set; }
    public Guid? AccountId { get; set; }
    public Guid? CaseId { get; set; }
    public string? Detail { get; set; }
}

public static class AuditActors
{
    public const string Affiliate = "affiliate";
    public const string Agent = "agent";
    public const string System = "system";
    public const string Admin = "admin";
}
