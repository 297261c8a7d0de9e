using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;

namespace IessClave.Web.Infrastructure.Audit;

/// <summary>Adds audit events to the current unit of work, so they commit or roll back with the change they record.</summary>
public sealed class AuditLog(IessClaveDbContext db, TimeProvider time)
{
    public void Record(string actorType, string? actorId, string action, Guid? accountId = null, string? detail = null, Guid? caseId = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(),
            ActorType = actorType,
            ActorId = actorId,
            Action = action,
            AccountId = accountId,
            CaseId = caseId,
            Detail = detail,
        });
}

public static class AuditActions
{
    public const string RegistrationSubmitted = "registration.submitted";
    public const string ActivationResent = "registration.activation-resent";
    public const string ClaveActivated = "registration.clave-activated";
    public const string ClaveReplaced = "clave.replaced";
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string AccountLocked = "signin.account-locked";
    public const string RegistryImported = "registry.imported";
    public const string QueueJoined = "queue.joined";
    public const string QueueLeft = "queue.left";
    public const string QueueTaken = "queue.taken";
    public const string QueueReturned = "queue.returned";
    public const string QueueNoShow = "queue.no-show";
    public const string QueueFinished = "queue.finished";
    public const string QueueAnswered = "queue.answered";
    public const string BookingCreated = "booking.created";
    public const string BookingRescheduled = "booking.rescheduled";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingCheckedIn = "booking.checked-in";
    public const string BookingAttended = "booking.attended";
    public const string BookingNoShow = "booking.no-show";
    public const string RoomOpened = "room.opened";
    public const string RoomJoined = "room.joined";
    public const string RoomClosed = "room.closed";
    public const string AgentStatusChanged = "agent.status";
    public const string CaseChecked = "case.checked";
    public const string CaseUnlocked = "case.unlocked";
    public const string CaseRejected = "case.rejected";
    public const string CaseEscalated = "case.escalated";
    public const string CaseEmailChangeRequested = "case.email-change-requested";
    public const string CaseEmailChangeApproved = "case.email-change-approved";
    public const string CaseEmailChangeDenied = "case.email-change-denied";
    public const string CaseOpened = "case.opened";
    public const string CaseReleased = "case.released";
    public const string WindowSearched = "window.searched";
    public const string WindowSearchLimited = "window.search-limited";
    public const string SelfServiceProofFailed = "self-service.proof-failed";
    public const string SelfServiceClosed = "self-service.closed";
    public const string SelfServiceRefused = "self-service.refused";
    public const string SelfServiceLinkSent = "self-service.link-sent";
    public const string AgentPasswordOk = "agent.signin.password-ok";
    public const string AgentSignInSucceeded = "agent.signin.succeeded";
    public const string AgentSignInFailed = "agent.signin.failed";
    public const string AgentTotpEnrolled = "agent.totp.enrolled";
    public const string AgentTotpFailed = "agent.totp.failed";
    public const string AgentRecoveryCodeUsed = "agent.recovery-code.used";
    public const string AgentLocked = "agent.locked";
    public const string AgentUnlocked = "agent.unlocked";
    public const string AgentCreated = "agent.created";
    public const string AgentSignOut = "agent.signout";
    public const string AuditViewed = "audit.viewed";
}
