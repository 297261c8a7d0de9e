using System.Reflection;
using IessClave.Web.Domain;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Registration;

/// <summary>The clave rules: long enough, not containing the ID or birth date, not a common password.</summary>
public sealed class ClavePolicy(IOptions<ClaveOptions> options)
{
    public const int MaxLength = 128;
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public IReadOnlyList<string> Check(string? clave, string identification, DateOnly birthDate)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(clave))
        {
            errors.Add("Escribe tu nueva clave.");
            return errors;
        }

        if (clave.Length < options.Value.MinLength)
        {
            errors.Add($"La clave debe tener al menos {options.Value.MinLength} caracteres.");
        }

        if (clave.Length > MaxLength)
        {
            errors.Add($"La clave no puede tener más de {MaxLength} caracteres.");
        }

        if (clave.Contains(identification, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("La clave no puede contener tu número de identificación.");
        }

        if (BirthDateForms(birthDate).Any(form => clave.Contains(form, StringComparison.Ordinal)))
        {
            errors.Add("La clave no puede contener tu fecha de nacimiento.");
        }

        if (IsCommon(clave))
        {
            errors.Add("Esa clave es demasiado común y fácil de adivinar. Elige otra.");
        }

        return errors;
    }

    /// <summary>True when the value is on the embedded list of common passwords (case and outer spaces ignored).</summary>
    public static bool IsCommon(string clave) => CommonPasswords.Value.Contains(clave.Trim().ToLowerInvariant());

    private static IEnumerable<string> BirthDateForms(DateOnly d) =>
    [
        d.ToString("ddMMyyyy"), d.ToString("yyyyMMdd"), d.ToString("dd/MM/yyyy"), d.ToString("yyyy-MM-dd"),
        d.ToString("dd-MM-yyyy"), d.ToString("dd.MM.yyyy"), d.ToString("ddMMyy"), d.ToString("MMddyyyy"),
    ];

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IessClave.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
