namespace IessClave.Web.Domain;

public enum IdentificationKind
{
    Cedula = 1,
    ForeignCode = 2,
}

/// <summary>A validated, normalised identification: a cédula or a foreign resident's code.</summary>
public sealed record Identification(string Value, IdentificationKind Kind)
{
    public override string ToString() => Value;
}

public sealed record IdentificationResult(Identification? Identification, string? Error)
{
    public bool IsValid => Identification is not null;

    public static IdentificationResult Valid(string value, IdentificationKind kind) => new(new Identification(value, kind), null);

    public static IdentificationResult Invalid(string error) => new(null, error);
}
