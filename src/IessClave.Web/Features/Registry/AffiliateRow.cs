namespace IessClave.Web.Features.Registry;

/// <summary>One row of a registry file, as read (unvalidated). Line is the 1-based line in the file.</summary>
public sealed record AffiliateRow(int Line, string? Identification, string? FullName, string? BirthDate, string? DocumentSerial);

public sealed record ImportError(int Line, string Field, string Reason);

public sealed record ImportReport(bool Imported, int Created, int Updated, int Skipped, IReadOnlyList<ImportError> Errors)
{
    public string Summary => Imported
        ? $"Registro importado: {Created} nuevos, {Updated} actualizados, {Skipped} filas omitidas por errores."
        : $"No se importó nada: {Errors.Count} errores. Corrige el archivo o usa --skip-bad-rows para omitir las filas con errores.";
}
