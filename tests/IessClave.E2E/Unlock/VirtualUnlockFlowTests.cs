using System.Text.RegularExpressions;
using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.SelfServicePages;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Unlock;

[Collection(E2ECollection.Name)]
public sealed class VirtualUnlockFlowTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task LockedAffiliate_UnlocksOnline_WrongAnswerThenRight_MailedLink_NewClave_SignsIn()
    {
        var who = await AddAccountAsync(app, "Verónica Virtual Cevallos", "1983-06-14");
        var shots = new Screenshots(output, nameof(LockedAffiliate_UnlocksOnline_WrongAnswerThenRight_MailedLink_NewClave_SignsIn));
        await using var session = await browser.NewSessionAsync(app.BaseUrl);
        var page = session.Page;

        // From the locked page to the virtual way.
        await page.GotoAsync("/clave/bloqueada");
        await page.GetByRole(AriaRole.Link, new() { Name = "Desbloquear en línea" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/desbloquear/virtual$"));
        await shots.TakeAsync(page, "form");

        // A wrong answer: one message that does not say which part was wrong, and the tries left.
        await FillProofAsync(page, who, "Michi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviarme el enlace" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Los datos no coinciden con nuestros registros");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Te quedan 2 intentos");
        await shots.TakeAsync(page, "wrong-answer");

        await FillProofAsync(page, who, "  firuláis ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviarme el enlace" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(who.Email[..2] + "*");
        await shots.TakeAsync(page, "sent");

        // The mailed link shows the security image, then takes the new clave and unlocks.
        await FollowMailedLinkAsync(page, who.Email, "VirtualUnlockLink", "/desbloquear/virtual/enlace");
        await Expect(page.Locator(".security-image img")).ToHaveAttributeAsync("alt", new Regex(SelfServicePerson.ImageName));
        await Expect(page.Locator("main")).ToContainTextAsync("queda desbloqueada");
        await Expect(page.Locator("[data-countdown-text]")).ToContainTextAsync("Tiempo restante");
        await shots.TakeAsync(page, "link");
        await page.GetByLabel("Nueva clave", new() { Exact = true }).FillAsync(SelfServicePerson.NewClave);
        await page.GetByLabel("Repite la nueva clave").FillAsync(SelfServicePerson.NewClave);
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi clave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¡Tu clave fue cambiada!" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("tu cuenta quedó desbloqueada");
        await shots.TakeAsync(page, "changed");

        await RegistrationPages.SignInAsync(page, who.Identification, SelfServicePerson.NewClave);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mi cuenta" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(who.FullName);
        await shots.TakeAsync(page, "signed-in");

        await (await DevOutbox.WaitForMailAsync(page, who.Email, DevOutbox.SubjectOf("ClaveChanged"))).ClickAsync();
        await Expect(page.Locator(".mail-body")).ToContainTextAsync("quedó desbloqueada");
        await shots.TakeAsync(page, "clave-changed-mail");
    }
}
