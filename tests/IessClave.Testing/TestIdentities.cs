using IessClave.Web.Domain;

namespace IessClave.Testing;

/// <summary>Fresh, valid, never-repeated identifications, so every test makes its own people.</summary>
public static class TestIdentities
{
    private static int counter = Random.Shared.Next(0, 1_000_000);

    public static string NewCedula()
    {
        var n = Interlocked.Increment(ref counter) % 1_000_000;
        var province = 1 + n % 24;
        var nine = $"{province:00}{n % 6}{n:000000}";
        return nine + IdentificationParser.ComputeCheckDigit(nine);
    }

    /// <summary>The same cédula with a wrong last digit (fails the check-digit rule only).</summary>
    public static string WithWrongCheckDigit(string cedula) => cedula[..9] + (char)('0' + (cedula[9] - '0' + 1) % 10);

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid().ToString("N")[..8]}@correo.example";

    public static string NewForeignCode() => $"EX{Interlocked.Increment(ref counter):0000000}";
}
