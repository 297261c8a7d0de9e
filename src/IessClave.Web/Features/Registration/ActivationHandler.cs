using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;

namespace IessClave.Web.Features.Registration;

public enum LinkStatus
{
    Valid,
    Expired,
    Used,
    Invalid,
}

public sealed record ActivationView(LinkStatus Status, SecurityImage? Image = null, DateTimeOffset? ExpiresAt = null);

public sealed record ActivationResult(bool Succeeded, LinkStatus Status, IReadOnlyList<string> Errors);

/// <summary>The activation link: shows the chosen security image, then sets the clave once, before expiry.</summary>
public sealed class ActivationHandler(
    IessClaveDbContext db, TokenIssuer tokens, ClavePolicy policy, SecretHasher hasher, AuditLog audit, TimeProvider time)
{
    public async Task<ActivationView> ViewAsync(string? rawToken, CancellationToken ct, TokenPurpose purpose = TokenPurpose.Activation)
    {
        var token = await tokens.FindAsync(rawToken, purpose, ct);
        var status = StatusOf(token);
        return status == LinkStatus.Valid
            ? new ActivationView(status, SecurityGallery.FindImage(token!.Account.SecurityImageId), token.ExpiresAt)
            : new ActivationView(status);
    }

    public async Task<ActivationResult> ActivateAsync(
        string? rawToken, string? clave, string? confirmation, CancellationToken ct, TokenPurpose purpose = TokenPurpose.Activation)
    {
        var token = await tokens.FindAsync(rawToken, purpose, ct);
        var status = StatusOf(token);
        if (status != LinkStatus.Valid)
        {
            return new ActivationResult(false, status, []);
        }

        var account = token!.Account;
        var errors = policy.Check(clave, account.Affiliate.Identification, account.Affiliate.BirthDate).ToList();
        if (errors.Count == 0 && clave != confirmation)
        {
            errors.Add("Las dos claves no coinciden.");
        }

        if (errors.Count > 0)
        {
            return new ActivationResult(false, status, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await tokens.TryConsumeAsync(token, ct))
        {
            return new ActivationResult(false, LinkStatus.Used, []);
        }

        account.PasswordHash = hasher.Hash(clave!);
        account.Status = AccountStatus.Active;
        account.ActivatedAt ??= time.GetUtcNow();
        account.FailedSignInCount = 0;
        var action = purpose == TokenPurpose.NewClave ? AuditActions.ClaveReplaced : AuditActions.ClaveActivated;
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), action, account.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ActivationResult(true, LinkStatus.Valid, []);
    }

    private LinkStatus StatusOf(AccountToken? token) => token?.StateAt(time.GetUtcNow()) switch
    {
        null => LinkStatus.Invalid,
        TokenState.Valid => LinkStatus.Valid,
        TokenState.Expired => LinkStatus.Expired,
        // A revoked link was replaced by a newer one: to the person it is simply no longer valid.
        TokenState.Revoked => LinkStatus.Expired,
        _ => LinkStatus.Used,
    };
}
