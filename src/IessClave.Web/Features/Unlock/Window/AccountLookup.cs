using IessClave.Web.Domain;
using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Unlock.Window;

/// <summary>
/// What the window agent sees of a person: the name and identification (to compare with the document) and
/// masked contact data and birth date. Never the document serial or anything the blind checks compare against.
/// </summary>
public sealed record WindowAccountView(
    Guid? AccountId, string FullName, string Identification, string MaskedBirthDate, string? MaskedEmail, string? MaskedPhone,
    string Status, bool Locked, string? LockedAt, string? LockoutCause, string? SecurityQuestion);

public sealed class AccountLookup(IessClaveDbContext db)
{
    public async Task<WindowAccountView?> ByIdentificationAsync(Identification identification, CancellationToken ct)
    {
        var affiliate = await db.Affiliates.AsNoTracking().SingleOrDefaultAsync(a => a.Identification == identification.Value, ct);
        if (affiliate is null)
        {
            return null;
        }

        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.AffiliateId == affiliate.Id, ct);
        return View(affiliate, account);
    }

    public async Task<WindowAccountView> ByAccountAsync(Guid accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Include(a => a.Affiliate).SingleAsync(a => a.Id == accountId, ct);
        return View(account.Affiliate, account);
    }

    /// <summary>Not even the year: the birth date is one of the blind checks, and a year narrows a guess to 366 days.</summary>
    public const string HiddenBirthDate = "Oculta: compárala en la lista de verificación";

    public static string MaskPhone(string phone) =>
        phone.Length <= 4 ? new string('*', phone.Length) : phone[..2] + new string('*', phone.Length - 4) + phone[^2..];

    private static WindowAccountView View(AffiliateRecord affiliate, ClaveAccount? account) => new(
        account?.Id,
        affiliate.FullName,
        affiliate.Identification,
        HiddenBirthDate,
        account is null ? null : ContactData.MaskEmail(account.Email),
        account is null ? null : MaskPhone(account.MobilePhone),
        Status(account),
        account?.IsLocked == true,
        account?.LockedAt is { } at ? EcuadorTime.Format(at) : null,
        account?.LockoutCause switch
        {
            null => null,
            Domain.LockoutCause.TooManyFailedSignIns => "Claves incorrectas seguidas",
            var other => other.ToString(),
        },
        account is null ? null : SecurityGallery.FindQuestion(account.SecurityQuestionId)?.Text);

    private static string Status(ClaveAccount? account) => account switch
    {
        null => "Sin clave: la persona aún no generó su clave",
        { Status: AccountStatus.PendingActivation } => "Clave pendiente de activación",
        { IsLocked: true } => "Bloqueada",
        _ => "Activa, no bloqueada",
    };
}
