using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Support;

/// <summary>A locked-out person whose security data is known, and the steps of the self-service pages.</summary>
public sealed record SelfServicePerson(string Identification, string FullName, string BirthDate, string Email)
{
    public const string Question = "¿Cuál es el nombre de tu primera mascota?";
    public const string Answer = "Firulais";
    public const string ImageName = "Pez";
    public const string NewClave = "Laguna-Limpiopungo-2024!";
}

public static class SelfServicePages
{
    /// <summary>Registry entry + account with question 1, answer "Firulais", image "Pez", made in the database.</summary>
    public static async Task<SelfServicePerson> AddAccountAsync(AppFixture app, string fullName, string birthDate, bool locked = true)
    {
        var cedula = await app.AddAffiliateAsync(fullName, birthDate);
        var email = TestIdentities.NewEmail("virtual");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<SecretHasher>();
        var now = DateTimeOffset.UtcNow;
        db.Accounts.Add(new ClaveAccount
        {
            Id = Guid.NewGuid(), AffiliateId = db.Affiliates.Single(a => a.Identification == cedula).Id, Status = AccountStatus.Active,
            PasswordHash = hasher.Hash(Guid.NewGuid().ToString()), SecurityImageId = 8, SecurityQuestionId = 1,
            SecurityAnswerHash = hasher.HashAnswer(SelfServicePerson.Answer), MobilePhone = "0991234567", Email = email, Culture = "es",
            CreatedAt = now, ActivatedAt = now, FailedSignInCount = locked ? 3 : 0,
            LockedAt = locked ? now : null, LockoutCause = locked ? LockoutCause.TooManyFailedSignIns : null,
        });
        await db.SaveChangesAsync();
        return new SelfServicePerson(cedula, fullName, birthDate, email);
    }

    /// <summary>Fills the proof form (virtual unlock or forgotten clave) with the mouse, robot check included.</summary>
    public static async Task FillProofAsync(IPage page, SelfServicePerson who, string answer)
    {
        await page.GetByLabel("Número de cédula o código de identificación").FillAsync(who.Identification);
        await page.GetByLabel("Fecha de nacimiento").FillAsync(who.BirthDate);
        await page.GetByLabel("Tu pregunta de seguridad").SelectOptionAsync(new SelectOptionValue { Label = SelfServicePerson.Question });
        await page.GetByLabel("Respuesta", new() { Exact = true }).FillAsync(answer);
        await RegistrationPages.SolveRobotCheckAsync(page);
    }

    /// <summary>Opens the newest mail with <paramref name="template"/>'s subject in /dev/correos and follows the link to <paramref name="path"/>.</summary>
    public static async Task FollowMailedLinkAsync(IPage page, string email, string template, string path)
    {
        await (await DevOutbox.WaitForMailAsync(page, email, DevOutbox.SubjectOf(template))).ClickAsync();
        await page.Locator($".mail-body a[href*='{path}?t=']").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crea tu nueva clave" })).ToBeVisibleAsync();
    }
}
