using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Features.Unlock.Verification;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Supervision;

public sealed record PendingApproval(
    Guid CaseId, string FullName, string MaskedIdentification, string MaskedCurrentEmail, string NewEmail,
    string RequestedBy, Guid RequestedById, DateTimeOffset OpenedAt, IReadOnlyList<CheckKind> Verified);

public enum ApprovalOutcome
{
    Approved,
    Denied,
    NotFound,
    SamePerson,
}

/// <summary>
/// Four eyes: an email change together with an unlock takes effect only when a supervisor other than the agent
/// who asked approves it; the new-clave link then goes to the NEW address only.
/// </summary>
public sealed class EmailChangeApprovals(IessClaveDbContext db, AccountUnlocker unlocker, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<PendingApproval>> PendingAsync(CancellationToken ct)
    {
        var rows = await (from c in db.Cases.AsNoTracking()
                          join a in db.Accounts on c.AccountId equals a.Id
                          join g in db.Agents on c.ApprovalRequestedBy equals g.Id
                          where c.Status == CaseStatus.AwaitingApproval
                          orderby c.OpenedAt
                          select new { c.Id, a.Affiliate.FullName, a.Affiliate.Identification, a.Email, c.PendingEmail, g.DisplayName, AgentId = g.Id, c.OpenedAt })
            .Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var passed = await db.CaseChecks.AsNoTracking().Where(k => ids.Contains(k.CaseId) && k.Passed).Select(k => new { k.CaseId, k.Kind }).ToListAsync(ct);
        return rows.Select(r => new PendingApproval(
            r.Id, r.FullName, "******" + r.Identification[^4..], ContactData.MaskEmail(r.Email), r.PendingEmail!, r.DisplayName, r.AgentId, r.OpenedAt,
            passed.Where(p => p.CaseId == r.Id).Select(p => p.Kind).Distinct().Order().ToList())).ToList();
    }

    public async Task<ApprovalOutcome> DecideAsync(Guid supervisorId, Guid caseId, bool approve, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unlockCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.Status == CaseStatus.AwaitingApproval, ct);
        if (unlockCase is null)
        {
            return ApprovalOutcome.NotFound;
        }

        if (unlockCase.ApprovalRequestedBy == supervisorId)
        {
            return ApprovalOutcome.SamePerson;
        }

        if (!approve)
        {
            (unlockCase.Status, unlockCase.PendingEmail, unlockCase.ReasonCode) = (CaseStatus.Open, null, "email-change-denied");
            audit.Record(AuditActors.Agent, supervisorId.ToString(), AuditActions.CaseEmailChangeDenied, unlockCase.AccountId, caseId: caseId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ApprovalOutcome.Denied;
        }

        (unlockCase.ApprovedBy, unlockCase.ApprovedAt) = (supervisorId, time.GetUtcNow());
        audit.Record(AuditActors.Agent, supervisorId.ToString(), AuditActions.CaseEmailChangeApproved, unlockCase.AccountId, caseId: caseId);
        var pending = await unlocker.UnlockAsync(unlockCase, supervisorId, AuditActors.Agent, unlockCase.PendingEmail, ct);
        await tx.CommitAsync(ct);
        unlocker.Dispatch(pending);
        return ApprovalOutcome.Approved;
    }
}
