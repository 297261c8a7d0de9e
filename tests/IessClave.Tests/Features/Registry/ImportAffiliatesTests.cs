using System.Text;
using IessClave.Tests.Support;
using IessClave.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Registry;

[Collection(PostgresCollection.Name)]
public sealed class ImportAffiliatesTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Import_WithOneBadRow_ImportsNothingAndReportsLineFieldAndReason()
    {
        var good = TestIdentities.NewCedula();
        var csv = $"""
            identification,full_name,birth_date,document_serial
            {good},Ana Buena,1990-01-01,X1
            1712345676,Luis Malo,1990-01-01,X2
            """;

        var report = await ImportAsync(csv, skipBadRows: false);

        Assert.False(report.Imported);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "identification"), (error.Line, error.Field));
        Assert.Contains("dígito verificador", error.Reason);
        Assert.False(await app.WithDbAsync(db => db.Affiliates.AnyAsync(a => a.Identification == good)));
    }

    [Fact]
    public async Task Import_WithSkipBadRows_ImportsTheGoodRowsOnly()
    {
        var good = TestIdentities.NewCedula();
        var csv = $""""
            identification,full_name,birth_date
            {good},"Guamán, Ana ""La Jefa""",1990-01-01
            {TestIdentities.NewCedula()},Sin Fecha,1990-02-30
            {TestIdentities.NewCedula()},,1990-01-01
            """";

        var report = await ImportAsync(csv, skipBadRows: true);

        Assert.True(report.Imported);
        Assert.Equal((1, 0, 2), (report.Created, report.Updated, report.Skipped));
        Assert.Contains(report.Errors, e => e.Line == 3 && e.Field == "birth_date");
        Assert.Contains(report.Errors, e => e.Line == 4 && e.Field == "full_name");
        Assert.Equal("Guamán, Ana \"La Jefa\"", await app.WithDbAsync(db => db.Affiliates.Where(a => a.Identification == good).Select(a => a.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Reimport_UpdatesWithoutDuplicates()
    {
        var id = TestIdentities.NewCedula();
        await ImportAsync($"identification,full_name,birth_date\n{id},Nombre Viejo,1990-01-01", false);

        var report = await ImportAsync($"identification,full_name,birth_date\n{id},Nombre Nuevo,1991-01-01", false);

        Assert.Equal((0, 1), (report.Created, report.Updated));
        var rows = await app.WithDbAsync(db => db.Affiliates.Where(a => a.Identification == id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(("Nombre Nuevo", new DateOnly(1991, 1, 1)), (row.FullName, row.BirthDate));
    }

    [Theory]
    [InlineData("nombre,fecha\nx,y", "identification")]
    [InlineData("", "identification")]
    public async Task Import_WithoutTheRequiredHeader_ReportsLineOne(string csv, string missing)
    {
        var report = await ImportAsync(csv, skipBadRows: true);

        Assert.False(report.Imported);
        Assert.Contains(report.Errors, e => e.Line == 1 && e.Field.Contains(missing));
    }

    [Fact]
    public async Task Import_WithRepeatedIdOrUnclosedQuote_ReportsThoseRows()
    {
        var id = TestIdentities.NewCedula();
        var csv = $"identification,full_name,birth_date\n{id},Uno,1990-01-01\n{id},Dos,1990-01-01\n{TestIdentities.NewCedula()},\"Sin cerrar,1990-01-01";

        var report = await ImportAsync(csv, skipBadRows: false);

        Assert.Contains(report.Errors, e => e.Line == 3 && e.Reason.Contains("repetida"));
        Assert.Contains(report.Errors, e => e.Line == 4 && e.Field == "*");
    }

    private async Task<ImportReport> ImportAsync(string csv, bool skipBadRows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<ImportAffiliatesHandler>().ImportCsvAsync(stream, skipBadRows, CancellationToken.None);
    }
}
