using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Mail;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>
/// When an agent takes a caller: creates the case's meeting (Teams via Graph, or the built-in room, with the
/// fallback the meeting service applies), keeps both join links encrypted on the case, and mails the caller's link.
/// Calling it again for the same case returns the same meeting (Graph createOrGet by case id; room per case).
/// </summary>
public sealed class CallSetup(IessClaveDbContext db, MeetingService meetings, MailQueue mail, IDataProtectionProvider protection)
{
    public async Task<Meeting> StartAsync(Guid caseId, CancellationToken ct)
    {
        var protector = protection.CreateProtector(TicketViews.JoinUrlPurpose);
        // Usually tracked already (the claim just opened it), and then found without a query.
        var unlockCase = await db.Cases.FindAsync([caseId], ct) ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
        var meeting = await BookedTeamsMeetingAsync(unlockCase, protector, ct) ?? await meetings.StartCallAsync(caseId, ct);
        var firstTime = unlockCase.MeetingExternalId != meeting.ExternalId || unlockCase.AffiliateJoinUrlProtected is null;
        unlockCase.MeetingKind = (MeetingKindValue)meeting.Kind;
        unlockCase.MeetingExternalId = meeting.ExternalId;
        unlockCase.MeetingFallbackReason = meeting.FallbackReason;
        unlockCase.AffiliateJoinUrlProtected = protector.Protect(meeting.AffiliateJoinUrl);
        unlockCase.AgentJoinUrlProtected = protector.Protect(meeting.AgentJoinUrl);
        OutgoingMail? queued = null;
        if (firstTime)
        {
            var person = await db.Accounts.Where(a => a.Id == unlockCase.AccountId).Select(a => new { a.Email, a.Culture, a.Affiliate.FullName }).SingleAsync(ct);
            queued = mail.Add(new MeetingLinkMail(person.FullName, meeting.AffiliateJoinUrl, unlockCase.OpenedAt), person.Email, person.FullName, person.Culture, unlockCase.AccountId);
        }

        await db.SaveChangesAsync(ct);
        if (queued is not null)
        {
            mail.Dispatch(queued);
        }

        return meeting;
    }

    /// <summary>A booked call made with Teams already has its meeting (the affiliate is invited to it): use that one.</summary>
    private async Task<Meeting?> BookedTeamsMeetingAsync(UnlockCase unlockCase, IDataProtector protector, CancellationToken ct)
    {
        if (unlockCase.Channel != CaseChannel.ScheduledCall || unlockCase.TicketId is not { } ticketId)
        {
            return null;
        }

        var booked = await db.Bookings.AsNoTracking()
            .Where(b => b.TicketId == ticketId && b.MeetingKind == MeetingKindValue.Teams && b.JoinUrlProtected != null)
            .Select(b => new { b.MeetingExternalId, b.JoinUrlProtected }).FirstOrDefaultAsync(ct);
        if (booked is null)
        {
            return null;
        }

        var joinUrl = protector.Unprotect(booked.JoinUrlProtected!);
        return new Meeting(MeetingKind.Teams, joinUrl, joinUrl, booked.MeetingExternalId);
    }

    /// <summary>The agent's own join link for the case (null before the meeting exists).</summary>
    public string? AgentJoinUrl(UnlockCase unlockCase) =>
        unlockCase.AgentJoinUrlProtected is { } p ? protection.CreateProtector(TicketViews.JoinUrlPurpose).Unprotect(p) : null;
}
