using IessClave.Web.Domain;

namespace IessClave.Tests.Support;

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

    public static string NewForeignCode() => $"EX{Interlocked.Increment(ref counter):0000000}";
}
