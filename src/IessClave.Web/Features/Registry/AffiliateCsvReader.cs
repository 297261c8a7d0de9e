using System.Text;

namespace IessClave.Web.Features.Registry;

/// <summary>
/// Reads a registry CSV (RFC 4180: commas, double-quoted fields, "" inside quotes) with the header
/// identification,full_name,birth_date[,document_serial]. Structural problems become row errors, not exceptions.
/// </summary>
public static class AffiliateCsvReader
{
    public static readonly string[] RequiredColumns = ["identification", "full_name", "birth_date"];

    public static async Task<(List<AffiliateRow> Rows, List<ImportError> Errors)> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = new List<AffiliateRow>();
        var errors = new List<ImportError>();
        var header = await reader.ReadLineAsync(ct);
        var columns = header is null ? [] : SplitLine(header)?.Select(c => c.Trim().ToLowerInvariant()).ToList() ?? [];
        var missing = RequiredColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, string.Join(",", missing), "Faltan columnas en la cabecera (identification,full_name,birth_date[,document_serial])."));
            return (rows, errors);
        }

        var lineNumber = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = SplitLine(line);
            if (fields is null || fields.Count != columns.Count)
            {
                errors.Add(new ImportError(lineNumber, "*", $"La fila debe tener {columns.Count} campos separados por comas (comillas sin cerrar o campos de más/de menos)."));
                continue;
            }

            string? Field(string name) => columns.IndexOf(name) is var i and >= 0 ? fields[i] : null;
            rows.Add(new AffiliateRow(lineNumber, Field("identification"), Field("full_name"), Field("birth_date"), Field("document_serial")));
        }

        return (rows, errors);
    }

    /// <summary>Splits one physical line; null when a quote is left open (multi-line fields are not accepted).</summary>
    public static List<string>? SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return quoted ? null : fields;
    }
}
