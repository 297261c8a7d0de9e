namespace IessClave.Web.Domain;

/// <summary>
/// Wrong proofs (ID + birth date + security answer) on the self-service ways — virtual unlock and forgotten
/// clave — per identification. Keyed by a hash of the identification, known or not, so an unknown ID is counted
/// and closed exactly like a real account, across restarts. A verified unlock or a completed link deletes it.
/// </summary>
public sealed class SelfServiceCounter
{
    public required byte[] IdentificationHash { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
