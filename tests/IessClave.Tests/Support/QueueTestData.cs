using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;

namespace IessClave.Tests.Support;

public sealed record LockedAffiliate(Guid AccountId, string Identification, DateOnly BirthDate);

/// <summary>Locked-out accounts made directly in the database (registration and lockout have their own tests).</summary>
public static class QueueTestData
{
    public static async Task<LockedAffiliate> NewLockedAsync(PostgresApp app, DateOnly? birthDate = null)
    {
        var born = birthDate ?? new DateOnly(1984, 3, 9);
        var now = app.Time.GetUtcNow();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var affiliate = new AffiliateRecord
        {
            Id = Guid.NewGuid(), Identification = TestIdentities.NewCedula(), Kind = IdentificationKind.Cedula,
            FullName = "Afiliado En Fila", BirthDate = born, ImportedAt = now, UpdatedAt = now,
        };
        var account = new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = affiliate.Id, Status = AccountStatus.Active, PasswordHash = "not-a-real-hash",
            SecurityAnswerHash = "not-a-real-hash", MobilePhone = "0991234567", Email = $"fila.{Guid.NewGuid():N}@correo.test",
            Culture = "es", CreatedAt = now, ActivatedAt = now, LockedAt = now, LockoutCause = LockoutCause.TooManyFailedSignIns,
        };
        db.Affiliates.Add(affiliate);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return new LockedAffiliate(account.Id, affiliate.Identification, born);
    }

    /// <summary>The truth the live positions must match: waiting tickets ahead (priority lane first, then by number) + 1.</summary>
    public static Task<int?> PositionInDatabaseAsync(PostgresApp app, long ticketId) => app.WithDbAsync<int?>(async db =>
    {
        var t = await db.QueueTickets.FindAsync(ticketId);
        if (t is null || t.Status != TicketStatus.Waiting)
        {
            return null;
        }

        var ahead = db.QueueTickets.Count(o => o.Status == TicketStatus.Waiting
            && ((o.Lane == t.Lane && o.Id < t.Id) || (t.Lane == QueueLane.Standard && o.Lane == QueueLane.Priority)));
        return ahead + 1;
    });
}
