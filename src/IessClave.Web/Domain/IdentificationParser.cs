namespace IessClave.Web.Domain;

/// <summary>Cédula rules of the Registro Civil (DESIGN.md §2) and the foreign resident's code.</summary>
public static class IdentificationParser
{
    public const int ForeignCodeMinLength = 5;
    public const int ForeignCodeMaxLength = 20;
    private static readonly int[] CedulaCoefficients = [2, 1, 2, 1, 2, 1, 2, 1, 2];

    public static IdentificationResult Parse(string? input)
    {
        var value = input?.Trim() ?? "";
        if (value.Length == 0)
        {
            return IdentificationResult.Invalid(IdentificationErrors.Required);
        }

        if (value.Length > 64)
        {
            return IdentificationResult.Invalid(IdentificationErrors.TooLong);
        }

        if (!value.All(char.IsAsciiLetterOrDigit))
        {
            return IdentificationResult.Invalid(IdentificationErrors.InvalidCharacters);
        }

        if (value.All(char.IsAsciiDigit))
        {
            return ParseCedula(value);
        }

        if (value.Length is < ForeignCodeMinLength or > ForeignCodeMaxLength)
        {
            return IdentificationResult.Invalid(IdentificationErrors.ForeignCodeLength);
        }

        return IdentificationResult.Valid(value.ToUpperInvariant(), IdentificationKind.ForeignCode);
    }

    private static IdentificationResult ParseCedula(string digits)
    {
        if (digits.Length != 10)
        {
            return IdentificationResult.Invalid(IdentificationErrors.CedulaLength);
        }

        var province = (digits[0] - '0') * 10 + (digits[1] - '0');
        if (province is not ((>= 1 and <= 24) or 30))
        {
            return IdentificationResult.Invalid(IdentificationErrors.CedulaProvince);
        }

        if (digits[2] > '5')
        {
            return IdentificationResult.Invalid(IdentificationErrors.CedulaThirdDigit);
        }

        return ComputeCheckDigit(digits) == digits[9] - '0'
            ? IdentificationResult.Valid(digits, IdentificationKind.Cedula)
            : IdentificationResult.Invalid(IdentificationErrors.CedulaCheckDigit);
    }

    /// <summary>Modulo 10: coefficients 2,1,2,…; products over 9 minus 9; check = (10 − sum mod 10) mod 10.</summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> firstNineDigits)
    {
        var sum = 0;
        for (var i = 0; i < CedulaCoefficients.Length; i++)
        {
            var product = (firstNineDigits[i] - '0') * CedulaCoefficients[i];
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - sum % 10) % 10;
    }
}

public static class IdentificationErrors
{
    public const string Required = "Ingresa tu número de cédula o tu código de identificación.";
    public const string TooLong = "La identificación es demasiado larga.";
    public const string InvalidCharacters = "La identificación solo puede contener números (cédula) o letras y números sin espacios, tildes ni símbolos (código de extranjero).";
    public const string CedulaLength = "La cédula debe tener exactamente 10 dígitos.";
    public const string CedulaProvince = "La cédula no es válida: los dos primeros dígitos (provincia) deben estar entre 01 y 24, o ser 30.";
    public const string CedulaThirdDigit = "La cédula no es válida: el tercer dígito debe estar entre 0 y 5.";
    public const string CedulaCheckDigit = "La cédula no es válida: el dígito verificador no coincide. Revisa que esté bien escrita.";
    public const string ForeignCodeLength = "El código de identificación de extranjero debe tener entre 5 y 20 letras o números.";
}
