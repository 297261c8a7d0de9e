using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Infrastructure.Data;

[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests(SharedPostgresApp app)
{
    [Fact]
    public async Task AuditEvents_OnPostgres_CannotBeUpdatedOrDeleted()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var audit = new AuditLog(db, app.Time);
            audit.Record(AuditActors.System, null, "test.append-only");
            await db.SaveChangesAsync();
            return await db.AuditEvents.Where(e => e.Action == "test.append-only").OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync();
        });

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.AuditEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "tampered"))));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == id).ExecuteDeleteAsync()));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.Equal("test.append-only", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == id).Select(e => e.Action).SingleAsync()));
    }
}
