using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
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
    LockedAccountProof proof,
    QueueTicketService tickets,
    AuditLog audit,
    IOptions<QueueOptions> options,
    IOptions<Window.WindowOptions> window,
    TimeProvider time)
{
    public async Task<JoinQueueResult> HandleAsync(JoinQueueInput input, CancellationToken ct)
    {
        var proven = await proof.ProveAsync(input.Identification, input.BirthDate, input.RobotProof, "queue", ct);
        if (proven.AccountId is not { } accountId)
        {
            return new JoinQueueResult(null, proven.Field, proven.Error, proven.Throttled);
        }

        // At a counter now: a video call taking the case over would pull it from under the window agent.
        if (await Window.WindowHolds.HeldNowAsync(db, accountId, time.GetUtcNow(), window.Value, ct))
        {
            return JoinQueueResult.Fail("identification", QueueErrors.AtWindow);
        }

        var (lane, reason) = LaneFor(proven.BirthDate, input.DeclaresDisability);
        var ticket = await tickets.JoinAsync(accountId, lane, reason, ct);
        audit.Record(AuditActors.Affiliate, accountId.ToString(), AuditActions.QueueJoined, accountId, $"ticket={ticket.Id};lane={lane}");
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
    public const string AtWindow = "Te están atendiendo en una ventanilla del IESS en este momento. Si ya saliste de la agencia sin terminar, vuelve a intentarlo más tarde.";
}
