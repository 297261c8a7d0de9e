namespace IessClave.Web.Features.Registry;

/// <summary>The demo registry of the embedded default (listed in the README). Fictitious people, valid cédulas.</summary>
public static class DemoRegistry
{
    public static IEnumerable<AffiliateRow> Rows() =>
    [
        new(2, "1712345675", "María Fernanda Guamán Pérez", "1985-04-12", "A123456789"),
        new(3, "0912345675", "Carlos Andrés Mendoza Vera", "1990-11-30", "B234567890"),
        new(4, "0104567896", "Rosa Elena Quishpe Tenesaca", "1954-02-08", "C345678901"),
        new(5, "2409876543", "Luis Alberto Ortiz Cedeño", "1978-07-21", "D456789012"),
        new(6, "VE1234567", "Ana Lucía Rodríguez Salazar", "1992-09-03", "P98765432"),
    ];
}
