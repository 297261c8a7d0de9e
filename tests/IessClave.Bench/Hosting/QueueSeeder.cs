using IessClave.Testing;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;

namespace IessClave.Bench.Hosting;

public sealed record SeededTicket(long TicketId, Guid AccountId, QueueLane Lane);

/// <summary>
/// Puts N locked-out affiliates in line straight in the database (registration, lockout and joining have their
/// own tests): the registry row, the locked account, the waiting ticket and its +1 queue event, written in the
/// app's transaction with the app's <see cref="QueueEventWriter"/>. One ticket in <c>priorityEvery</c> (twenty by
/// default) is in the priority lane.
/// </summary>
public static class QueueSeeder
{
    private const int Batch = 1_000;

    public static async Task<List<SeededTicket>> SeedAsync(AppServices app, int count, int priorityEvery = 20)
    {
        var seeded = new List<SeededTicket>(count);
        for (var done = 0; done < count; done += Batch)
        {
            var size = Math.Min(Batch, count - done);
            seeded.AddRange(await app.InScopeAsync(sp => SeedBatchAsync(sp, size, done, priorityEvery)));
        }

        return seeded;
    }

    private static async Task<List<SeededTicket>> SeedBatchAsync(IServiceProvider sp, int size, int offset, int priorityEvery)
    {
        var db = sp.GetRequiredService<IessClaveDbContext>();
        var now = DateTimeOffset.UtcNow;
        var tickets = new List<QueueTicket>(size);
        await using var tx = await db.Database.BeginTransactionAsync();
        for (var i = 0; i < size; i++)
        {
            var (affiliate, account) = LockedAccount(now);
            db.Affiliates.Add(affiliate);
            db.Accounts.Add(account);
            var priority = (offset + i) % priorityEvery == priorityEvery - 1;
            tickets.Add(new QueueTicket
            {
                AccountId = account.Id,
                Lane = priority ? QueueLane.Priority : QueueLane.Standard,
                PriorityReason = priority ? PriorityReason.Disability : PriorityReason.None,
                Status = TicketStatus.Waiting,
                JoinedAt = now,
            });
        }

        await db.SaveChangesAsync();
        db.QueueTickets.AddRange(tickets);
        await db.SaveChangesAsync();
        await sp.GetRequiredService<QueueEventWriter>().AppendAsync(tickets.Select(t => (t.Lane, t.Id, +1)), default);
        await tx.CommitAsync();
        return tickets.Select(t => new SeededTicket(t.Id, t.AccountId, t.Lane)).ToList();
    }

    private static (AffiliateRecord, ClaveAccount) LockedAccount(DateTimeOffset now)
    {
        var affiliate = new AffiliateRecord
        {
            Id = Guid.NewGuid(), Identification = TestIdentities.NewCedula(), Kind = IdentificationKind.Cedula,
            FullName = "Afiliado De Carga", BirthDate = new DateOnly(1984, 3, 9), ImportedAt = now, UpdatedAt = now,
        };
        var account = new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = affiliate.Id, Status = AccountStatus.Active, PasswordHash = "not-a-real-hash",
            SecurityAnswerHash = "not-a-real-hash", MobilePhone = "0991234567", Email = $"carga.{Guid.NewGuid():N}@correo.test",
            Culture = "es", CreatedAt = now, ActivatedAt = now, LockedAt = now, LockoutCause = LockoutCause.TooManyFailedSignIns,
        };
        return (affiliate, account);
    }
}
