using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Supervision;
using IessClave.Web.Features.Unlock.Queue;
using IessClave.Web.Features.Unlock.Verification;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Supervision;

[Collection(PostgresCollection.Name)]
public sealed class FourEyesTests(SharedPostgresApp app)
{
    [Fact]
    public async Task EmailChangeWithUnlock_WaitsForASecondPerson_ThenMailsOnlyTheNewAddress()
    {
        var (caseId, accountId, requester) = await VerifiedCaseAwaitingApprovalAsync("nuevo.correo@correo.test");
        var oldEmail = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.Email).SingleAsync());
        Assert.NotNull(await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.LockedAt).SingleAsync()));

        Assert.Equal(ApprovalOutcome.SamePerson, await DecideAsync(requester, caseId, approve: true));
        var supervisor = await QueueTestSupport.NewAvailableAgentAsync(app);
        Assert.Equal(ApprovalOutcome.Approved, await DecideAsync(supervisor, caseId, approve: true));
        Assert.Equal(ApprovalOutcome.NotFound, await DecideAsync(supervisor, caseId, approve: true));

        var mail = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, "nuevo.correo@correo.test"), Flows.MailTimeout);
        Assert.Contains("/clave/nueva", mail.TextBody);
        Assert.DoesNotContain(app.Smtp.Messages, m => Flows.IsTo(m, oldEmail) && (m.TextBody ?? "").Contains("/clave/nueva"));
        var account = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Id == accountId));
        Assert.Equal(("nuevo.correo@correo.test", (DateTimeOffset?)null), (account.Email, account.LockedAt));
        var unlockCase = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal((CaseStatus.Unlocked, supervisor, requester), (unlockCase.Status, unlockCase.ApprovedBy!.Value, unlockCase.ApprovalRequestedBy!.Value));
    }

    [Fact]
    public async Task Denial_KeepsTheEmailAndTheLock()
    {
        var (caseId, accountId, _) = await VerifiedCaseAwaitingApprovalAsync("otro.correo@correo.test");
        var before = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.Email).SingleAsync());

        Assert.Equal(ApprovalOutcome.Denied, await DecideAsync(await QueueTestSupport.NewAvailableAgentAsync(app), caseId, approve: false));

        var account = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Id == accountId));
        Assert.Equal(before, account.Email);
        Assert.NotNull(account.LockedAt);
        Assert.Equal(CaseStatus.Open, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task EmailChange_BeforeIdentityIsVerified_IsRefused()
    {
        await QueueTestSupport.DrainAsync(app);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, await QueueTestData.NewLockedAsync(app));
        await using var agent = await AgentConsoleClient.ConnectAsync(app);
        await agent.TakeNextAsync();

        var reply = await agent.Hub.InvokeAsync<AgentOutcomeReply>("RequestEmailChange", "cambio@correo.test");
        var bad = await agent.Hub.InvokeAsync<AgentOutcomeReply>("RequestEmailChange", "no es un correo\r\nBcc: x@y.z");

        Assert.Equal(nameof(OutcomeResult.ChecksMissing), reply.Result);
        Assert.Equal(nameof(OutcomeResult.InvalidInput), bad.Result);
    }

    [Fact]
    public async Task ApprovalsPage_IsForSupervisorsOnly()
    {
        var (_, agentCookie) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Agent);
        var (_, supervisorCookie) = await AgentConsoleClient.SignInAsync(app, AgentRoles.Supervisor);

        Assert.Equal(HttpStatusCode.Forbidden, (await StaffPages.GetAsync(app, "/supervision/aprobaciones", agentCookie)).Status);
        Assert.Equal(HttpStatusCode.OK, (await StaffPages.GetAsync(app, "/supervision/aprobaciones", supervisorCookie)).Status);
    }

    private async Task<ApprovalOutcome> DecideAsync(Guid supervisor, Guid caseId, bool approve)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailChangeApprovals>().DecideAsync(supervisor, caseId, approve, default);
    }

    private async Task<(Guid CaseId, Guid AccountId, Guid Requester)> VerifiedCaseAwaitingApprovalAsync(string newEmail)
    {
        await QueueTestSupport.DrainAsync(app);
        var locked = await QueueTestData.NewLockedAsync(app);
        await using var caller = await AffiliateQueueClient.JoinAsync(app, locked);
        await using var agent = await AgentConsoleClient.ConnectAsync(app, AgentRoles.Agent | AgentRoles.Supervisor);
        await agent.TakeNextAsync();
        var unlockCase = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.AccountId == locked.AccountId));
        await app.WithDbAsync(async db =>
        {
            foreach (var kind in Enum.GetValues<CheckKind>())
            {
                db.CaseChecks.Add(new CaseCheck { CaseId = unlockCase.Id, Kind = kind, Passed = true, AgentId = agent.Id, At = app.Time.GetUtcNow() });
            }

            return await db.SaveChangesAsync();
        });

        var reply = await agent.Hub.InvokeAsync<AgentOutcomeReply>("RequestEmailChange", newEmail);
        Assert.Equal(nameof(OutcomeResult.AwaitingApproval), reply.Result);
        return (unlockCase.Id, locked.AccountId, agent.Id);
    }
}
