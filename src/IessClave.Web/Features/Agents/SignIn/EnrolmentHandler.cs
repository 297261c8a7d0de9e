using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace IessClave.Web.Features.Agents.SignIn;

public enum EnrolmentState
{
    Ready,
    AlreadyEnrolled,
    Locked,
    Unknown,
}

/// <summary>What the enrolment page shows: the QR code of the key URI and the same secret for typing by hand.</summary>
public sealed record EnrolmentView(string UserName, string SecretBase32, string KeyUri, string QrPngDataUri)
{
    public string GroupedSecret => Base32.Grouped(SecretBase32);

    public string AccountLabel => $"{Totp.Issuer}:{UserName}";
}

public sealed record EnrolmentStart(EnrolmentState State, EnrolmentView? View = null);

public enum EnrolmentOutcome
{
    Succeeded,
    Failed,
    Locked,
    NotApplicable,
}

public sealed record EnrolmentResult(EnrolmentOutcome Outcome, AgentAccount? Agent = null, IReadOnlyList<string>? RecoveryCodes = null);

/// <summary>
/// First sign-in of an agent: a TOTP secret is made once (kept encrypted until confirmed), the agent proves the
/// authenticator app works with a valid code, and gets recovery codes that are shown this one time only.
/// </summary>
public sealed class EnrolmentHandler(
    IessClaveDbContext db,
    SecretHasher hasher,
    TotpSecrets secrets,
    AgentLockout lockout,
    AuditLog audit,
    TimeProvider time,
    IOptions<AgentOptions> options)
{
    public async Task<EnrolmentStart> StartAsync(Guid agentId, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null || agent.IsLocked || agent.IsEnrolled)
        {
            return new EnrolmentStart(agent is null ? EnrolmentState.Unknown : agent.IsLocked ? EnrolmentState.Locked : EnrolmentState.AlreadyEnrolled);
        }

        var protectedSecret = agent.TotpSecretProtected;
        if (protectedSecret is null)
        {
            // Two tabs opening the page at once must end up with the same secret: only the first write wins.
            var fresh = secrets.Protect(Base32.Encode(Totp.NewSecret()));
            await db.Agents.Where(a => a.Id == agentId && a.TotpSecretProtected == null && a.TotpEnrolledAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.TotpSecretProtected, fresh), ct);
            protectedSecret = await db.Agents.Where(a => a.Id == agentId).Select(a => a.TotpSecretProtected).SingleAsync(ct);
        }

        var base32 = secrets.UnprotectBase32(protectedSecret!);
        var uri = Totp.KeyUri(agent.UserName, base32);
        return new EnrolmentStart(EnrolmentState.Ready, new EnrolmentView(agent.UserName, base32, uri, QrPngDataUri(uri)));
    }

    public async Task<EnrolmentResult> ConfirmAsync(Guid agentId, string? code, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null || agent.IsEnrolled || agent.TotpSecretProtected is null)
        {
            return new EnrolmentResult(EnrolmentOutcome.NotApplicable);
        }

        if (agent.IsLocked)
        {
            return new EnrolmentResult(EnrolmentOutcome.Locked);
        }

        var now = time.GetUtcNow();
        var match = Totp.Match(secrets.UnprotectKey(agent.TotpSecretProtected), code, now, agent.LastTotpStep);
        if (!match.Accepted)
        {
            var locked = await lockout.SecondFactorFailedAsync(agent, "enrolment-code-wrong", ct);
            return new EnrolmentResult(locked ? EnrolmentOutcome.Locked : EnrolmentOutcome.Failed);
        }

        // Hashing is the slow part: done before the transaction opens.
        var codes = Enumerable.Range(0, options.Value.RecoveryCodeCount).Select(_ => RecoveryCodes.New()).ToList();
        var hashes = codes.Select(c => hasher.Hash(RecoveryCodes.Normalize(c)!)).ToList();
        var step = match.Step!.Value;
        var seenSecret = agent.TotpSecretProtected;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Agents.Where(a => a.Id == agentId && a.TotpEnrolledAt == null && a.LockedAt == null && a.TotpSecretProtected == seenSecret)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.TotpEnrolledAt, now)
                .SetProperty(a => a.LastTotpStep, step)
                .SetProperty(a => a.FailedSecondFactorCount, 0)
                .SetProperty(a => a.LastSignInAt, now), ct);
        if (rows == 0)
        {
            return new EnrolmentResult(EnrolmentOutcome.NotApplicable);
        }

        await db.AgentRecoveryCodes.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(ct);
        db.AgentRecoveryCodes.AddRange(hashes.Select(h => new AgentRecoveryCode { Id = Guid.NewGuid(), AgentId = agentId, CodeHash = h }));
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.AgentTotpEnrolled, detail: $"recovery-codes={codes.Count}");
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.AgentSignInSucceeded, detail: "factor=totp-enrolment");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new EnrolmentResult(EnrolmentOutcome.Succeeded, agent, codes);
    }

    private static string QrPngDataUri(string text) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 6));
}
