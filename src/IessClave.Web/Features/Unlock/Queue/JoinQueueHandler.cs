using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.RobotCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Queue;

public sealed record JoinQueueInput(string? Identification, DateOnly? BirthDate, string? RobotProof, bool DeclaresDisability);

public sealed record JoinQueueResult(QueueTicket? Ticket, string? Field, string? Error, bool Throttled = false)
{
    public static JoinQueueResult Fail(string field, string error) => new(null, field, error);
}

/// <summary>
/// "Videollamada": the affiliate proves who they are (ID + birth date + robot check) and gets a place in the
/// queue. Until the birth date matches, unknown and known IDs get the same answer; 65+ or a declared
/// disability goes to the priority lane. Asking again returns the same ticket.
/// </summary>
public sealed class JoinQueueHandler(
    IessClaveDbContext db,
    AltchaService robotCheck,
    IdentityAttemptLimiter limiter,
    QueueTicketService tickets,
    AuditLog audit,
    IOptions<QueueOptions> options,
    TimeProvider time)
{
    public async Task<JoinQueueResult> HandleAsync(JoinQueueInput input, CancellationToken ct)
    {
        var parsed = IdentificationParser.Parse(input.Identification);
        if (!parsed.IsValid)
        {
            return JoinQueueResult.Fail("identification", parsed.Error!);
        }

        if (input.BirthDate is null)
        {
            return JoinQueueResult.Fail("birthDate", RegistrationErrors.BirthDateRequired);
        }

        if (!robotCheck.Verify(input.RobotProof))
        {
            return JoinQueueResult.Fail("robotProof", RegistrationErrors.RobotCheck);
        }

        var id = parsed.Identification!.Value;
        if (!limiter.TryAcquire("queue", id))
        {
            return new JoinQueueResult(null, null, RegistrationErrors.TooManyAttempts, Throttled: true);
        }

        var match = await db.Accounts.AsNoTracking().Where(a => a.Affiliate.Identification == id)
            .Select(a => new { a.Id, a.Affiliate.BirthDate, a.Status, a.LockedAt }).SingleOrDefaultAsync(ct);
        if (match is null || match.BirthDate != input.BirthDate)
        {
            return JoinQueueResult.Fail("birthDate", QueueErrors.NoMatch);
        }

        if (match.Status != AccountStatus.Active || match.LockedAt is null)
        {
            return JoinQueueResult.Fail("identification", match.Status == AccountStatus.Active ? QueueErrors.NotLocked : QueueErrors.NoClave);
        }

        var (lane, reason) = LaneFor(match.BirthDate, input.DeclaresDisability);
        var ticket = await tickets.JoinAsync(match.Id, lane, reason, ct);
        audit.Record(AuditActors.Affiliate, match.Id.ToString(), AuditActions.QueueJoined, match.Id, $"ticket={ticket.Id};lane={lane}");
        await db.SaveChangesAsync(ct);
        return new JoinQueueResult(ticket, null, null);
    }

    private (QueueLane, PriorityReason) LaneFor(DateOnly birthDate, bool disability)
    {
        var today = EcuadorTime.Today(time);
        var age = today.Year - birthDate.Year - (today < birthDate.AddYears(today.Year - birthDate.Year) ? 1 : 0);
        return age >= options.Value.PriorityAge ? (QueueLane.Priority, PriorityReason.Age)
            : disability ? (QueueLane.Priority, PriorityReason.Disability)
            : (QueueLane.Standard, PriorityReason.None);
    }
}

public static class QueueErrors
{
    public const string NoMatch = "Los datos ingresados no coinciden con nuestros registros de cuentas. Revisa tu identificación y tu fecha de nacimiento.";
    public const string NotLocked = "Tu clave no está bloqueada: puedes ingresar con ella. Si la olvidaste, usa «Recuperar clave».";
    public const string NoClave = "Aún no tienes una clave activa. Genérala primero en «Generar clave».";
}
