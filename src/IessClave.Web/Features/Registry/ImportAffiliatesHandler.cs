using System.Globalization;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Registry;

/// <summary>
/// Imports the affiliate registry: every row is validated first; a file with any bad row imports nothing unless
/// asked to skip bad rows. Re-importing updates existing entries (keyed by identification), never duplicates.
/// </summary>
public sealed class ImportAffiliatesHandler(IessClaveDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 200;

    public async Task<ImportReport> ImportCsvAsync(Stream csv, bool skipBadRows, CancellationToken ct)
    {
        var (rows, readErrors) = await AffiliateCsvReader.ReadAsync(csv, ct);
        if (readErrors.Any(e => e.Line == 1))
        {
            return new ImportReport(false, 0, 0, 0, readErrors);
        }

        return await ImportAsync(rows, skipBadRows, ct, readErrors);
    }

    public async Task<ImportReport> ImportAsync(IEnumerable<AffiliateRow> rows, bool skipBadRows, CancellationToken ct, List<ImportError>? errors = null)
    {
        errors ??= [];
        var valid = new Dictionary<string, (AffiliateRow Row, Identification Id, DateOnly BirthDate)>();
        foreach (var row in rows)
        {
            var rowErrors = Validate(row, out var id, out var birthDate);
            if (rowErrors.Count == 0 && valid.ContainsKey(id!.Value))
            {
                rowErrors.Add(new ImportError(row.Line, "identification", $"Identificación repetida (ya aparece en la línea {valid[id.Value].Row.Line})."));
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            valid[id!.Value] = (row, id, birthDate);
        }

        var badRows = errors.Select(e => e.Line).Distinct().Count();
        if (badRows > 0 && !skipBadRows)
        {
            return new ImportReport(false, 0, 0, 0, errors);
        }

        var now = time.GetUtcNow();
        var existing = new Dictionary<string, AffiliateRecord>();
        foreach (var chunk in valid.Keys.Chunk(1000))
        {
            foreach (var record in await db.Affiliates.Where(a => chunk.Contains(a.Identification)).ToListAsync(ct))
            {
                existing[record.Identification] = record;
            }
        }

        int created = 0, updated = 0;
        foreach (var (key, (row, id, birthDate)) in valid)
        {
            if (!existing.TryGetValue(key, out var record))
            {
                record = new AffiliateRecord { Id = Guid.NewGuid(), Identification = key, FullName = "", ImportedAt = now };
                db.Affiliates.Add(record);
                created++;
            }
            else if (record.FullName != row.FullName!.Trim() || record.BirthDate != birthDate || record.DocumentSerial != Blank(row.DocumentSerial))
            {
                updated++;
            }

            record.Kind = id.Kind;
            record.FullName = row.FullName!.Trim();
            record.BirthDate = birthDate;
            record.DocumentSerial = Blank(row.DocumentSerial);
            record.UpdatedAt = now;
        }

        audit.Record(AuditActors.Admin, null, AuditActions.RegistryImported, detail: $"created={created};updated={updated};skipped={badRows}");
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, badRows, errors);
    }

    private List<ImportError> Validate(AffiliateRow row, out Identification? id, out DateOnly birthDate)
    {
        var errors = new List<ImportError>();
        var parsed = IdentificationParser.Parse(row.Identification);
        id = parsed.Identification;
        if (!parsed.IsValid)
        {
            errors.Add(new ImportError(row.Line, "identification", parsed.Error!));
        }

        var name = row.FullName?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(new ImportError(row.Line, "full_name", $"El nombre es obligatorio, de hasta {MaxNameLength} caracteres y sin caracteres de control."));
        }

        var today = EcuadorTime.Today(time);
        if (!DateOnly.TryParseExact(row.BirthDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            errors.Add(new ImportError(row.Line, "birth_date", "La fecha de nacimiento debe tener el formato AAAA-MM-DD y ser una fecha real."));
        }
        else if (birthDate > today || birthDate.Year < 1900)
        {
            errors.Add(new ImportError(row.Line, "birth_date", "La fecha de nacimiento debe estar entre 1900 y hoy."));
        }

        if (Blank(row.DocumentSerial) is { } serial && (serial.Length > 20 || !serial.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(new ImportError(row.Line, "document_serial", "El número de serie del documento debe tener hasta 20 letras o números."));
        }

        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
