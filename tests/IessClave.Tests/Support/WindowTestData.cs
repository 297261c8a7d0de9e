using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;

namespace IessClave.Tests.Support;

/// <summary>A locked account whose registry entry has a document serial and whose security answer is really hashed.</summary>
public sealed record WindowPerson(Guid AccountId, string Identification, string FullName, DateOnly BirthDate, string Serial, string Answer, string Email, string Phone)
{
    public LockedAffiliate Locked => new(AccountId, Identification, BirthDate);
}

public static class WindowTestData
{
    public static async Task<WindowPerson> NewLockedAsync(PostgresApp app, string? serial = "AB1234567")
    {
        var now = app.Time.GetUtcNow();
        var person = new WindowPerson(Guid.NewGuid(), TestIdentities.NewCedula(), "Marcela Ventanilla Tapia", new DateOnly(1979, 8, 23),
            serial ?? "", "Firulais", $"ventanilla.{Guid.NewGuid():N}@correo.test", "0987654321");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var affiliate = new AffiliateRecord
        {
            Id = Guid.NewGuid(), Identification = person.Identification, Kind = IdentificationKind.Cedula, FullName = person.FullName,
            BirthDate = person.BirthDate, DocumentSerial = serial, ImportedAt = now, UpdatedAt = now,
        };
        db.Affiliates.Add(affiliate);
        db.Accounts.Add(new ClaveAccount
        {
            Id = person.AccountId, AffiliateId = affiliate.Id, Status = AccountStatus.Active, PasswordHash = "not-a-real-hash",
            SecurityImageId = 2, SecurityQuestionId = 1, SecurityAnswerHash = app.Hasher.HashAnswer(person.Answer), MobilePhone = person.Phone, Email = person.Email,
            Culture = "es", CreatedAt = now, ActivatedAt = now, LockedAt = now, LockoutCause = LockoutCause.TooManyFailedSignIns,
        });
        await db.SaveChangesAsync();
        return person;
    }
}
