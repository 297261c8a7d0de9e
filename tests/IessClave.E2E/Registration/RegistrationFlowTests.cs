using System.Text.RegularExpressions;
using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.RegistrationPages;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Registration;

[Collection(E2ECollection.Name)]
public sealed class RegistrationFlowTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Registration_ThroughThePages_ActivatesClaveAndLocksAfterThreeWrongClaves()
    {
        // The demo registry's first person (Features/Registry/DemoRegistry.cs); no other test registers her.
        var who = new Registrant("1712345675", "María Fernanda Guamán Pérez", "1985-04-12", TestIdentities.NewEmail("maria"));
        var shots = new Screenshots(output, nameof(Registration_ThroughThePages_ActivatesClaveAndLocksAfterThreeWrongClaves));
        await using var session = await browser.NewSessionAsync(app.BaseUrl);
        var page = session.Page;

        // Step 1, first with a mistyped cédula: a Spanish error, and focus moves to the error summary.
        await page.GotoAsync("/clave/generar");
        await FillIdentificationAsync(page, TestIdentities.WithWrongCheckDigit(who.Identification));
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("dígito verificador");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Número de cédula o código de identificación")).ToHaveAttributeAsync("aria-invalid", "true");
        await shots.TakeAsync(page, "step1-wrong-check-digit");

        await FillIdentificationAsync(page, who.Identification);
        await SolveRobotCheckAsync(page);
        await shots.TakeAsync(page, "step1-robot-check-verified");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();

        await CompleteSecurityStepAsync(page, who);
        await shots.TakeAsync(page, "step2-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();

        await CompleteContactStepAsync(page, who);
        await shots.TakeAsync(page, "step3-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aceptar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "sent");

        // Step 4: the mailed link shows the chosen image and a live countdown, then takes the new clave.
        await FollowActivationLinkAsync(page, who.Email);
        await Expect(page.Locator(".security-image img")).ToHaveAttributeAsync("alt", new Regex(Registrant.ImageName));
        await Expect(page.Locator("[data-countdown-text]")).ToContainTextAsync("Tiempo restante");
        await shots.TakeAsync(page, "activation");
        await SetClaveAsync(page);
        await shots.TakeAsync(page, "activated");

        await SignInAsync(page, who.Identification, Registrant.Clave);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mi cuenta" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(who.FullName);
        await shots.TakeAsync(page, "my-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await page.GotoAsync("/mi-cuenta");
        await Expect(page).ToHaveURLAsync(new Regex("/ingresar"));

        // Three wrong claves in a row: the first two say "wrong", the third locks the clave.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await SignInAsync(page, who.Identification, $"Equivocada-{attempt}");
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("Identificación o clave incorrecta");
        }

        await shots.TakeAsync(page, "sign-in-wrong-clave");
        await SignInAsync(page, who.Identification, "Equivocada-3");
        await Expect(page).ToHaveURLAsync(new Regex("/clave/bloqueada$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tu clave está bloqueada" })).ToBeVisibleAsync();
        foreach (var way in new[] { "Virtual", "Videollamada", "En persona" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = way })).ToBeVisibleAsync();
        }

        await shots.TakeAsync(page, "locked");

        var lockoutMail = await DevOutbox.WaitForMailAsync(page, who.Email, DevOutbox.SubjectOf("LockoutNotice"));
        await shots.TakeAsync(page, "outbox-lockout-mail");
        await lockoutMail.ClickAsync();
        await Expect(page.Locator(".mail-body")).ToContainTextAsync(who.FullName);
        await shots.TakeAsync(page, "lockout-mail");
    }
}
