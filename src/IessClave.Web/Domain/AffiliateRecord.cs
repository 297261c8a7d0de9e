namespace IessClave.Web.Domain;

/// <summary>An entry of the affiliate registry, imported from IESS's master data.</summary>
public sealed class AffiliateRecord
{
    public Guid Id { get; set; }
    public required string Identification { get; set; }
    public IdentificationKind Kind { get; set; }
    public required string FullName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? DocumentSerial { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
