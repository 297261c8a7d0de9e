using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Registration;

public sealed record ContactStepInput(string? MobilePhone, string? Email, string? EmailConfirmation, string Culture);

public sealed record SubmitResult(string? MaskedEmail, string? Field, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Step 3: contact data. Creates (or refreshes) the pending account and mails a fresh activation link.</summary>
public sealed class SubmitRegistrationHandler(
    IessClaveDbContext db,
    RegistrationDraftCodec drafts,
    SecretHasher hasher,
    TokenIssuer tokens,
    ClaveLinkMailer mailer,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<SubmitResult> HandleAsync(string? draftValue, ContactStepInput input, CancellationToken ct)
    {
        var draft = drafts.Decode(draftValue);
        if (draft is not { IdentityVerified: true, SecurityAnswer: not null })
        {
            return new SubmitResult(null, "draft", RegistrationErrors.FormExpired);
        }

        var phone = ContactData.NormalizePhone(input.MobilePhone);
        var email = ContactData.NormalizeEmail(input.Email);
        if (phone is null)
        {
            return new SubmitResult(null, nameof(input.MobilePhone), RegistrationErrors.PhoneInvalid);
        }

        if (email is null)
        {
            return new SubmitResult(null, nameof(input.Email), RegistrationErrors.EmailInvalid);
        }

        if (!string.Equals(email, input.EmailConfirmation?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new SubmitResult(null, nameof(input.EmailConfirmation), RegistrationErrors.EmailMismatch);
        }

        var affiliate = await db.Affiliates.SingleAsync(a => a.Identification == draft.Identification, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // "Aceptar" pressed twice: the second waits here, then updates the account the first created and its new
        // link replaces the first one's (one live link, no duplicate account).
        await RowLocks.LockAffiliateAsync(db, affiliate.Id, ct);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.AffiliateId == affiliate.Id, ct);
        if (account is { Status: AccountStatus.Active })
        {
            return new SubmitResult(null, "identification", RegistrationErrors.AlreadyActive);
        }

        var answerHash = hasher.HashAnswer(draft.SecurityAnswer);
        if (account is null)
        {
            account = new ClaveAccount
            {
                Id = Guid.NewGuid(),
                AffiliateId = affiliate.Id,
                Status = AccountStatus.PendingActivation,
                SecurityAnswerHash = answerHash,
                MobilePhone = phone,
                Email = email,
                Culture = input.Culture,
                CreatedAt = time.GetUtcNow(),
            };
            db.Accounts.Add(account);
        }

        account.SecurityImageId = draft.SecurityImageId;
        account.SecurityQuestionId = draft.SecurityQuestionId;
        account.SecurityAnswerHash = answerHash;
        account.MobilePhone = phone;
        account.Email = email;
        account.Culture = input.Culture;

        var issued = await tokens.IssueAsync(account.Id, TokenPurpose.Activation, ct);
        var mail = mailer.Add(account, affiliate, issued);
        audit.Record(AuditActors.Affiliate, account.Id.ToString(), AuditActions.RegistrationSubmitted, account.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mailer.Dispatch(mail, issued);
        return new SubmitResult(ContactData.MaskEmail(email), null, null);
    }
}
